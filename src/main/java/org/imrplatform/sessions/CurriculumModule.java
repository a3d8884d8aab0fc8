package org.imrplatform.sessions;

import java.util.List;

/** One module of the IMR curriculum, as the curriculum file describes it; sessions point at its number. */
public record CurriculumModule(int number, Wording title, Wording summary, List<Wording> topics) {
}
