package org.imrplatform.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in person changes their password, giving the current one. Every other session of the account ends (on
 * every node), and this one gets a new id. Wrong current passwords count against the sign-in throttle, for this
 * session alone, so a session left open cannot be used to guess the password, nor strangers stop its owner.
 */
@Controller
@RequestMapping("/account/password")
class PasswordChangeController {

    static final String PATH = "/account/password";
    private static final Logger log = LoggerFactory.getLogger(PasswordChangeController.class);

    private final AccountRepository accounts;
    private final SessionSignIn signIn;
    private final AccountSessions sessions;
    private final SignInThrottle throttle;
    private final PasswordEncoder encoder;

    PasswordChangeController(AccountRepository accounts, SessionSignIn signIn, AccountSessions sessions,
            SignInThrottle throttle, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.sessions = sessions;
        this.throttle = throttle;
        this.encoder = encoder;
    }

    @ModelAttribute("mustChange")
    boolean mustChange(@AuthenticationPrincipal SignedInAccount me) {
        return me != null && me.mustChangePassword();
    }

    @GetMapping
    String form() {
        return "account/password";
    }

    @PostMapping
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Account account = accounts.findById(me.accountId()).orElseThrow();
        String session = request.getSession().getId();
        if (throttle.admitSignedIn(account.email(), session).isPresent()) {
            model.addAttribute("currentError", "login.locked");
            return "account/password";
        }
        boolean currentRight = accounts.passwordHash(account.email()).filter(hash -> encoder.matches(current, hash))
                .isPresent();
        if (!currentRight) {
            log.info("Password change refused for account {}: current password not right", account.id());
            model.addAttribute("currentError", "password.current.wrong");
            return "account/password";
        }
        throttle.succeededSignedIn(account.email(), session);
        if (password.length() < RegistrationForm.MIN_PASSWORD || password.length() > RegistrationForm.MAX_PASSWORD) {
            model.addAttribute("passwordError", "register.password.weak");
            return "account/password";
        }
        if (GuessablePassword.of(password, account.email(), account.fullName())) {
            model.addAttribute("passwordError", "register.password.guessable");
            return "account/password";
        }
        if (password.equals(current)) {
            model.addAttribute("passwordError", "password.same");
            return "account/password";
        }
        accounts.setPassword(account.id(), encoder.encode(password), false);
        // The stored rows still carry this session's current id until the request ends: end the others first, then
        // sign in afresh (a new session id, and the session's copy of the account loses its "must change" mark).
        sessions.endAllBut(account, session);
        signIn.signIn(account.email(), request, response);
        log.info("Password changed by account {}; its other sessions ended", account.id());
        redirect.addFlashAttribute("done", "password.changed");
        return "redirect:" + PATH;
    }
}
