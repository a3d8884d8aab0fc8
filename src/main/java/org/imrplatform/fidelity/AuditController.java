package org.imrplatform.fidelity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators read who viewed and changed which fidelity review, a page at a time (under /admin, so
 * administrators only), and check on demand that no entry has been altered.
 */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** {@code page} counts from 1; anything else (a typo, -1, a huge number) shows the first page. */
    @GetMapping("/admin/audit")
    String log(@RequestParam(defaultValue = "1") String page, Model model) {
        model.addAttribute("page", audit.page(pageNumber(page)));
        return "fidelity/audit";
    }

    /** Walks the whole log, so it runs only when asked for. */
    @GetMapping("/admin/audit/check")
    String check(Model model) {
        model.addAttribute("check", audit.check());
        return log("1", model);
    }

    private static int pageNumber(String page) {
        try {
            int number = Integer.parseInt(page.strip());
            return number >= 1 ? number : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
