package org.imrplatform.overview;

import org.imrplatform.account.Account;
import org.imrplatform.account.Accounts;
import org.imrplatform.account.Role;
import org.imrplatform.account.SignedInAccount;
import org.imrplatform.fidelity.FidelityTrends;
import org.imrplatform.practice.ImrProgram;
import org.imrplatform.practice.Programs;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A facilitator's whole picture, for themselves and for their supervisors, and a program's. Anyone else gets 404,
 * like a facilitator or program that does not exist.
 */
@Controller
class OverviewController {

    private final FacilitatorOverview overview;
    private final FidelityTrends fidelity;
    private final Accounts accounts;
    private final Programs programs;
    private final GroupOutcomes groupOutcomes;

    OverviewController(FacilitatorOverview overview, FidelityTrends fidelity, Accounts accounts, Programs programs,
            GroupOutcomes groupOutcomes) {
        this.overview = overview;
        this.fidelity = fidelity;
        this.accounts = accounts;
        this.programs = programs;
        this.groupOutcomes = groupOutcomes;
    }

    @GetMapping("/practice/facilitators/{id}/overview")
    String facilitator(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
        Account facilitator = accounts.find(id).filter(a -> a.has(Role.FACILITATOR))
                .filter(a -> fidelity.maySeeFacilitator(me, a.id())).orElseThrow(OverviewController::notFound);
        model.addAttribute("facilitator", facilitator);
        model.addAttribute("training", overview.training(id));
        model.addAttribute("sessionTrends", fidelity.ofFacilitator(me, id, "session-trend"));
        model.addAttribute("groups", programs.groupsLedBy(id).stream().map(groupOutcomes::of).toList());
        model.addAttribute("programs", programs.programsFacilitatedBy(id).stream()
                .flatMap(programId -> programs.program(programId).stream())
                .map(program -> new ProgramFidelity(program, fidelity.ofProgram(me, program.id(),
                        "program-trend-" + program.id())))
                .toList());
        return "overview/facilitator";
    }

    @GetMapping("/practice/programs/{id}/overview")
    String program(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
        ImrProgram program = programs.program(id).filter(p -> fidelity.maySeeProgram(me, p.id()))
                .orElseThrow(OverviewController::notFound);
        model.addAttribute("program", program);
        model.addAttribute("fidelity", new ProgramFidelity(program, fidelity.ofProgram(me, id, "program-trend")));
        model.addAttribute("groups", programs.groupsOf(id).stream().map(groupOutcomes::of).toList());
        model.addAttribute("facilitators", overview.facilitatorsOf(id));
        return "overview/program";
    }

    /** A program and its reviews on the IMR Fidelity Scale over time. */
    record ProgramFidelity(ImrProgram program, java.util.List<FidelityTrends.Trend> trends) {
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
