package org.imrplatform.account;

import java.util.EnumSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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
    private final AccountDirectory directory;
    private final PasswordEncoder encoder;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    RegistrationController(AccountRepository accounts, AccountDirectory directory, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.directory = directory;
        this.encoder = encoder;
    }

    /** Signs the new account in as a sign-in form would: a fresh session id, the context saved in the session. */
    private void signIn(String email, HttpServletRequest request, HttpServletResponse response) {
        UserDetails user = directory.loadUserByUsername(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        contextRepository.saveContext(context, request, response);
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
            errors.rejectValue("password", "register.password.guessable");
        }
        if (!errors.hasFieldErrors("email") && accounts.exists(form.email())) {
            errors.rejectValue("email", "register.email.taken");
        }
        if (errors.hasErrors()) {
            return "account/register";
        }
        try {
            accounts.create(form.toNewAccount(), encoder.encode(form.password()), EnumSet.of(Role.LEARNER));
        } catch (DuplicateKeyException e) {
            errors.rejectValue("email", "register.email.taken");
            return "account/register";
        }
        signIn(form.email(), request, response);
        return "redirect:/?welcome";
    }
}
