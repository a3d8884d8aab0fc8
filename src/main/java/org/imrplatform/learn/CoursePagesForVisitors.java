package org.imrplatform.learn;

import org.imrplatform.course.CourseCatalog;
import org.imrplatform.shared.VisitorPages;
import org.springframework.stereotype.Component;

/** Course pages (not their files) are the same for every visitor until a new course version is published. */
@Component
class CoursePagesForVisitors implements VisitorPages {

    private final CourseCatalog catalog;

    CoursePagesForVisitors(CourseCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean covers(String path) {
        return path.startsWith("/courses/") && !path.contains("/assets/");
    }

    @Override
    public String revision() {
        return String.valueOf(catalog.revision());
    }
}
