package org.imrplatform.fidelity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Administrators read who viewed and changed which fidelity review (under /admin, so administrators only). */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String log(Model model) {
        model.addAttribute("entries", audit.recent(null, 200));
        return "fidelity/audit";
    }
}
