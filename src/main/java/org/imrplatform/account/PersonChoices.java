package org.imrplatform.account;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The lists a form about a person offers (discipline, state or territory), for every page that has such a form. */
@ControllerAdvice(assignableTypes = {RegistrationController.class, AccountAdminController.class})
class PersonChoices {

    @ModelAttribute("disciplines")
    Discipline[] disciplines() {
        return Discipline.values();
    }

    @ModelAttribute("regions")
    Region[] regions() {
        return Region.values();
    }
}
