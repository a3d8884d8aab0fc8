package org.imrplatform.account;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forgotten passwords. The answer to a request never tells whether an account exists. The emailed link moves its
 * secret into the session at once, so it does not stay in the address bar, history or referrers.
 */
@Controller
class PasswordResetController {

    private static final String TOKEN = PasswordResetController.class.getName() + ".token";

    private final PasswordResets resets;
    private final ResetMail mail;

    PasswordResetController(PasswordResets resets, ResetMail mail) {
        this.resets = resets;
        this.mail = mail;
    }

    @GetMapping("/password-reset")
    String request() {
        return "account/reset-request";
    }

    @PostMapping("/password-reset")
    String request(@RequestParam(defaultValue = "") String email, Model model, Locale locale) {
        if (email.isBlank() || !email.contains("@")) {
            model.addAttribute("emailError", "register.email.invalid");
            return "account/reset-request";
        }
        mail.sendReset(email, locale);
        return "redirect:/password-reset?sent";
    }

    @GetMapping("/password-reset/{token}")
    String follow(@PathVariable String token, HttpServletRequest request) {
        if (!resets.isUsable(token)) {
            return "redirect:/password-reset?expired";
        }
        HttpSession session = request.getSession();
        // A session id planted before the link was followed must not come to hold the secret.
        request.changeSessionId();
        session.setAttribute(TOKEN, token);
        return "redirect:/password-reset/new";
    }

    @GetMapping("/password-reset/new")
    String choose(HttpSession session) {
        return resets.isUsable((String) session.getAttribute(TOKEN)) ? "account/reset-choose"
                : "redirect:/password-reset?expired";
    }

    @PostMapping("/password-reset/new")
    String choose(@RequestParam(defaultValue = "") String password, HttpSession session, Model model) {
        if (password.length() < RegistrationForm.MIN_PASSWORD || password.length() > RegistrationForm.MAX_PASSWORD) {
            model.addAttribute("passwordError", "register.password.weak");
            return "account/reset-choose";
        }
        String token = (String) session.getAttribute(TOKEN);
        if (resets.holder(token).filter(account -> GuessablePassword.of(password, account.email(),
                account.fullName())).isPresent()) {
            model.addAttribute("passwordError", "register.password.guessable");
            return "account/reset-choose";
        }
        boolean done = resets.finish(token, password);
        session.removeAttribute(TOKEN);
        return done ? "redirect:/login?reset" : "redirect:/password-reset?expired";
    }
}
