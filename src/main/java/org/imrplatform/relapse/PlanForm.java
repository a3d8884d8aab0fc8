package org.imrplatform.relapse;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.imrplatform.shared.FormErrors;
import org.imrplatform.shared.ReasonableDate;
import org.springframework.validation.BindingResult;

/**
 * The plan as the form sends it: each list a text area holding one item per line (blank lines ignored), the review
 * day, and the version the form was written on ({@code basedOn}, 0 for a first plan), so that the same form sent
 * twice is not saved twice.
 */
record PlanForm(String triggers, String warningSigns, String copingStrategies, String actions, String supporters,
        @NotNull(message = "{relapse.reviewOn.required}") @ReasonableDate LocalDate reviewOn, Integer basedOn) {

    /** How far ahead a review day may be: a plan is looked at again within the year. */
    static final int LONGEST_UNTIL_REVIEW_DAYS = 366;

    static PlanForm empty() {
        return new PlanForm("", "", "", "", "", null, 0);
    }

    /** A new version starting from the current one; a review day already passed is left for the facilitator. */
    static PlanForm from(PlanVersion current, LocalDate today) {
        RelapsePlan plan = current.plan();
        return new PlanForm(text(plan.triggers()), text(plan.warningSigns()), text(plan.copingStrategies()),
                text(plan.actions()), text(plan.supporters()), plan.reviewPassed(today) ? null : plan.reviewOn(),
                current.number());
    }

    PlanForm basedOn(int number) {
        return new PlanForm(triggers, warningSigns, copingStrategies, actions, supporters, reviewOn, number);
    }

    int basedOnVersion() {
        return basedOn == null ? 0 : basedOn;
    }

    RelapsePlan plan() {
        return new RelapsePlan(items(triggers), items(warningSigns), items(copingStrategies), items(actions),
                items(supporters), reviewOn);
    }

    /**
     * The checks beyond single fields: at most {@link RelapsePlan#MAX_ITEMS} items of at most
     * {@link RelapsePlan#MAX_LENGTH} characters in each list, at least one warning sign and one action (a plan
     * says what to watch for and what to do then), and a review day from today to a year ahead.
     */
    void check(BindingResult errors, LocalDate today) {
        checkList(errors, "triggers", triggers);
        checkList(errors, "warningSigns", warningSigns);
        checkList(errors, "copingStrategies", copingStrategies);
        checkList(errors, "actions", actions);
        checkList(errors, "supporters", supporters);
        if (!errors.hasFieldErrors("warningSigns") && items(warningSigns).isEmpty()) {
            FormErrors.reject(errors, "warningSigns", "relapse.warningSigns.required");
        }
        if (!errors.hasFieldErrors("actions") && items(actions).isEmpty()) {
            FormErrors.reject(errors, "actions", "relapse.actions.required");
        }
        if (reviewOn != null && !errors.hasFieldErrors("reviewOn")) {
            if (reviewOn.isBefore(today)) {
                FormErrors.reject(errors, "reviewOn", "relapse.reviewOn.past");
            } else if (reviewOn.isAfter(today.plusDays(LONGEST_UNTIL_REVIEW_DAYS))) {
                FormErrors.reject(errors, "reviewOn", "relapse.reviewOn.far");
            }
        }
    }

    private static void checkList(BindingResult errors, String field, String text) {
        if (errors.hasFieldErrors(field)) {
            return;
        }
        List<String> items = items(text);
        if (items.size() > RelapsePlan.MAX_ITEMS) {
            FormErrors.reject(errors, field, "relapse.items.tooMany");
        } else if (items.stream().anyMatch(item -> item.length() > RelapsePlan.MAX_LENGTH)) {
            FormErrors.reject(errors, field, "relapse.items.tooLong");
        }
    }

    private static List<String> items(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String text(List<String> items) {
        return String.join("\n", items);
    }
}
