package org.imrplatform.areas;

import java.time.Clock;
import java.time.LocalDate;

import org.imrplatform.shared.VisitorPages;
import org.springframework.stereotype.Component;

/**
 * The areas' public pages are the same for every visitor until the generation moves on (a change to what they show,
 * on any node) or the day changes (upcoming events become past ones; a period "until today" grows).
 */
@Component
class AreaPagesForVisitors implements VisitorPages {

    private final AreaPages pages;
    private final Clock clock;

    AreaPagesForVisitors(AreaPages pages, Clock clock) {
        this.pages = pages;
        this.clock = clock;
    }

    /** The list and each page; not the PDF, which AreaViews keeps with the page it prints. */
    @Override
    public boolean covers(String path) {
        return path.equals("/areas") || path.startsWith("/areas/") && !path.endsWith(".pdf");
    }

    @Override
    public String revision() {
        return pages.generation() + " " + LocalDate.now(clock);
    }
}
