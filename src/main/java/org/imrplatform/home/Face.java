package org.imrplatform.home;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The faces of the product as the header shows them. Each face has a home page and owns the addresses of its
 * pages, so the header can mark the face a page belongs to. Who may use each face is decided by SecurityConfig and
 * the header's role checks (layout.html), not here.
 */
enum Face {

    LEARN("/home/learn", "/", "/courses", "/my-learning", "/certificates", "/areas"),
    PRACTICE("/home/practice", "/practice", "/admin/programs", "/admin/fidelity", "/admin/audit"),
    EVALUATE("/home/evaluate", "/admin/events", "/admin/products", "/admin/needs-assessments", "/admin/outcomes",
            "/admin/knowledge-gain", "/admin/areas"),
    ADMINISTRATION("/home/administration", "/admin/courses", "/admin/users", "/admin/learning-records", "/admin/lti");

    private final String home;
    private final List<String> sections;

    Face(String home, String... sections) {
        this.home = home;
        this.sections = List.of(sections);
    }

    String home() {
        return home;
    }

    /** The face a page belongs to: its home, or a page at or under one of its sections ("/" is the catalog alone). */
    static Optional<Face> of(String path) {
        return Stream.of(values()).filter(face -> face.home.equals(path) || face.sections.stream()
                .anyMatch(section -> path.equals(section) || !section.equals("/") && path.startsWith(section + "/")))
                .findFirst();
    }
}
