package org.imrplatform.home;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UrlPathHelper;

/**
 * Tells the header which face the page belongs to, so that face's link is marked as current (aria-current):
 * "page" on the face's home itself, "true" on any other page of the face.
 */
@ControllerAdvice
class CurrentFace {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    /** The page's face and whether the page is that face's home; the layout asks it about each face link. */
    record Mark(Optional<Face> face, boolean home) {

        /** The aria-current value for the link to {@code name}'s home, or null when it is not the current face. */
        public String ariaCurrent(String name) {
            return face.filter(f -> f.name().equals(name)).map(f -> home ? "page" : "true").orElse(null);
        }
    }

    @ModelAttribute("currentFace")
    Mark currentFace(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request);
        Optional<Face> face = Face.of(path);
        return new Mark(face, face.map(f -> f.home().equals(path)).orElse(false));
    }
}
