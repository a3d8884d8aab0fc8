package org.imrplatform.lti;

import jakarta.validation.Valid;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.shared.FormErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page of learning systems (LTI platforms): the values to paste into the learning system, the
 * registered platforms, a form to add one, and a button to remove one.
 */
@Controller
@RequestMapping("/admin/lti")
class PlatformsController {

    private static final Logger log = LoggerFactory.getLogger(PlatformsController.class);
    static final String VIEW = "lti/platforms";

    private final Platforms platforms;
    private final PlatformAddress addresses;
    private final ToolAddresses tool;

    PlatformsController(Platforms platforms, PlatformAddress addresses, ToolAddresses tool) {
        this.platforms = platforms;
        this.addresses = addresses;
        this.tool = tool;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("form", PlatformForm.empty());
        return show(model);
    }

    @PostMapping
    String add(@Valid @ModelAttribute("form") PlatformForm form, BindingResult errors,
            @AuthenticationPrincipal SignedInAccount me, Model model, RedirectAttributes redirect) {
        checkAddresses(form, errors);
        if (!errors.hasFieldErrors("deploymentIds")
                && form.deployments().stream().anyMatch(id -> id.length() > PlatformForm.MAX_DEPLOYMENT_ID)) {
            FormErrors.reject(errors, "deploymentIds", "lti.deploymentIds.long");
        }
        if (!errors.hasFieldErrors("issuer") && !errors.hasFieldErrors("clientId")
                && platforms.exists(form.issuer().strip(), form.clientId().strip())) {
            FormErrors.reject(errors, "clientId", "lti.platform.duplicate");
        }
        if (!errors.hasErrors() && platforms.registeredOtherwise(form.issuer().strip(), form.jwksUrl().strip(),
                form.authorizationUrl().strip())) {
            FormErrors.reject(errors, "jwksUrl", "lti.platform.otherKeys");
        }
        if (errors.hasErrors()) {
            return show(model);
        }
        try {
            long id = platforms.add(form);
            log.info("LTI platform {} registered by account {}", id, me.accountId());
        } catch (DuplicateKeyException sentTwice) {
            FormErrors.reject(errors, "clientId", "lti.platform.duplicate");
            return show(model);
        }
        redirect.addFlashAttribute("done", "lti.platform.added");
        return "redirect:/admin/lti";
    }

    @PostMapping("/{id}/removal")
    String remove(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
        if (!platforms.remove(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        log.info("LTI platform {} removed by account {}", id, me.accountId());
        redirect.addFlashAttribute("done", "lti.platform.removed");
        return "redirect:/admin/lti";
    }

    private void checkAddresses(PlatformForm form, BindingResult errors) {
        for (String field : new String[] {"issuer", "authorizationUrl", "tokenUrl", "jwksUrl"}) {
            Object value = errors.getFieldValue(field);
            if (!errors.hasFieldErrors(field) && !addresses.acceptable((String) value)) {
                FormErrors.reject(errors, field, "lti.url.invalid");
            }
        }
    }

    private String show(Model model) {
        model.addAttribute("platforms", platforms.all());
        model.addAttribute("tool", tool);
        return VIEW;
    }
}
