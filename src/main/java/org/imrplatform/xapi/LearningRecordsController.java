package org.imrplatform.xapi;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For administrators: whether statements reach the center's learning record store (the endpoint, never the
 * password), what is waiting, what the store refused and why, and a way to send a refused statement again once the
 * cause is fixed.
 */
@Controller
@RequestMapping("/admin/learning-records")
class LearningRecordsController {

    private static final Pattern STATEMENT_ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    private static final int FAILED_SHOWN = 200;

    private final LearningRecordStore store;
    private final StatementOutbox outbox;
    private final Clock clock;

    LearningRecordsController(LearningRecordStore store, StatementOutbox outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** How long the oldest pending statement has waited, in the largest whole unit: minutes, hours or days. */
    record Age(long amount, String unit) {

        static Age of(Duration waited) {
            if (waited.toDays() > 0) {
                return new Age(waited.toDays(), "days");
            }
            if (waited.toHours() > 0) {
                return new Age(waited.toHours(), "hours");
            }
            return new Age(Math.max(0, waited.toMinutes()), "minutes");
        }
    }

    @GetMapping
    String page(Model model) {
        StatementOutbox.Summary summary = outbox.summary();
        model.addAttribute("configured", store.isConfigured());
        model.addAttribute("endpoint", store.endpoint());
        model.addAttribute("summary", summary);
        model.addAttribute("keptDays", outbox.keptDays());
        model.addAttribute("giveUpDays", outbox.giveUpDays());
        model.addAttribute("keptFailedDays", outbox.keptFailedDays());
        model.addAttribute("oldest", summary.oldestPending() == null ? null
                : Age.of(Duration.between(summary.oldestPending(), clock.instant())));
        model.addAttribute("failed", outbox.failed(FAILED_SHOWN));
        return "xapi/learning-records";
    }

    /** A second post of the same form (or one for a statement that is not failed) queues nothing and says so. */
    @PostMapping("/send-again")
    String sendAgain(@RequestParam(defaultValue = "") String statement, RedirectAttributes redirect) {
        boolean queued = STATEMENT_ID.matcher(statement).matches() && outbox.sendAgain(statement);
        if (queued) {
            redirect.addFlashAttribute("done", "xapi.sendAgain.done");
        } else {
            redirect.addFlashAttribute("problem", "xapi.sendAgain.notFailed");
        }
        return "redirect:/admin/learning-records";
    }
}
