package org.imrplatform.account;

import java.util.EnumSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.imrplatform.shared.FormErrors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Anyone can create a learner account; they are signed in straight away. */
@Controller
class RegistrationController {

    private final AccountRepository accounts;
    private final SessionSignIn session;
    private final PasswordEncoder encoder;

    RegistrationController(AccountRepository accounts, SessionSignIn session, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.session = session;
        this.encoder = encoder;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        return "account/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors,
            HttpServletRequest request, HttpServletResponse response) {
        if (form.passwordRepeatsIdentity()) {
            FormErrors.reject(errors, "password", "register.password.guessable");
        }
        if (!errors.hasFieldErrors("email") && accounts.exists(form.email())) {
            FormErrors.reject(errors, "email", "register.email.taken");
        }
        if (!errors.hasFieldErrors("email") && LinkedAccounts.reserved(form.email())) {
            FormErrors.reject(errors, "email", "register.email.reserved");
        }
        if (errors.hasErrors()) {
            return "account/register";
        }
        try {
            accounts.create(form.toNewAccount(), encoder.encode(form.password()), EnumSet.of(Role.LEARNER));
        } catch (DuplicateKeyException e) {
            FormErrors.reject(errors, "email", "register.email.taken");
            return "account/register";
        }
        session.signIn(form.email(), request, response);
        return "redirect:/?welcome";
    }
}
