package org.imrplatform.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.imrplatform.shared.FormErrors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators find people, invite them, switch accounts off and on, and grant roles. Switching an account off
 * or changing its roles ends its sessions on every node at once. Changes are logged by account id (no names or addresses in logs).
 */
@Controller
@RequestMapping("/admin/users")
class AccountAdminController {

    private static final Logger log = LoggerFactory.getLogger(AccountAdminController.class);
    private static final int PAGE_SIZE = 50;

    private final AccountRepository accounts;
    private final ResetMail mail;
    private final AccountSessions sessions;

    AccountAdminController(AccountRepository accounts, ResetMail mail, AccountSessions sessions) {
        this.accounts = accounts;
        this.mail = mail;
        this.sessions = sessions;
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        // Past the last page anyway, and small enough that the offset cannot overflow.
        int safePage = Math.clamp(page, 0, Integer.MAX_VALUE / PAGE_SIZE - 1);
        List<Account> found = accounts.search(q, PAGE_SIZE + 1, safePage * PAGE_SIZE);
        model.addAttribute("q", q);
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
        model.addAttribute("users", found.stream().limit(PAGE_SIZE).toList());
        return "account/admin-users";
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal SignedInAccount me,
            RedirectAttributes redirect) {
        Account account = account(id);
        if (account.id() == me.accountId()) {
            redirect.addFlashAttribute("problem", "users.notYourself");
            return "redirect:/admin/users";
        }
        accounts.setEnabled(id, enabled);
        if (!enabled) {
            sessions.endAll(account);
        }
        log.info("Account {} {} by account {}", id, enabled ? "enabled" : "disabled", me.accountId());
        redirect.addFlashAttribute("done", enabled ? "users.enabled" : "users.disabled");
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/roles")
    String roles(@PathVariable long id, @RequestParam(required = false) Set<Role> roles,
            @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
        Account account = account(id);
        // A blank value arrives as a null role: it is no choice at all.
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            roles.stream().filter(Objects::nonNull).forEach(chosen::add);
        }
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("problem", "invite.roles.required");
        } else if (account.id() == me.accountId() && !chosen.contains(Role.ADMINISTRATOR)) {
            redirect.addFlashAttribute("problem", "users.keepOwnAdmin");
        } else {
            accounts.setRoles(id, chosen);
            // Roles are read at sign-in: the account's sessions end, so the change holds at once on every node.
            sessions.endAll(account);
            log.info("Account {} given roles {} by account {}; its sessions ended", id, chosen, me.accountId());
            redirect.addFlashAttribute("done", "users.rolesSaved");
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/invite")
    String inviteForm(Model model) {
        model.addAttribute("form", InvitationForm.empty());
        return "account/admin-invite";
    }

    @PostMapping("/invite")
    String invite(@Valid @ModelAttribute("form") InvitationForm form, BindingResult errors,
            @AuthenticationPrincipal SignedInAccount me, Locale locale, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("email") && form.email() != null && accounts.exists(form.email())) {
            FormErrors.reject(errors, "email", "register.email.taken");
        }
        if (!errors.hasFieldErrors("email") && LinkedAccounts.reserved(form.email())) {
            FormErrors.reject(errors, "email", "register.email.reserved");
        }
        if (errors.hasErrors()) {
            return "account/admin-invite";
        }
        try {
            long id = accounts.create(form.toNewAccount(), null, EnumSet.copyOf(form.roles()));
            log.info("Account {} invited by account {}", id, me.accountId());
        } catch (DuplicateKeyException e) {
            FormErrors.reject(errors, "email", "register.email.taken");
            return "account/admin-invite";
        }
        mail.sendInvitation(form.email(), locale);
        redirect.addFlashAttribute("done", "users.invited");
        return "redirect:/admin/users";
    }

    private Account account(long id) {
        return accounts.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
