package org.imrplatform.course;

import java.util.List;
import java.util.Optional;

/** A module of a course: an ordered run of slides with its objectives and estimated time. */
public record CourseModule(String id, String title, int minutes, List<String> objectives, List<Slide> slides) {

    public Optional<Slide> slide(String slideId) {
        return slides.stream().filter(s -> s.id().equals(slideId)).findFirst();
    }

    /** Zero-based position of the slide in this module, or -1. */
    public int indexOf(String slideId) {
        for (int i = 0; i < slides.size(); i++) {
            if (slides.get(i).id().equals(slideId)) {
                return i;
            }
        }
        return -1;
    }
}
