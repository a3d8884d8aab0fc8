package org.imrplatform.shared;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Checks every field of a form at once, even when another could not be converted (a date that is not a date, a
 * choice not offered). Spring builds a record form through its constructor and then checks the other arguments
 * one by one, which Spring Boot's MVC validator adapter cannot do (it only validates whole objects); the
 * validator it wraps can. Applies to every controller's record forms.
 */
@ControllerAdvice
class FormValidation {

    private final Validator validator;

    FormValidation(@Qualifier("defaultValidator") Validator validator) {
        this.validator = validator;
    }

    @InitBinder
    void validateEachConstructorArgument(WebDataBinder binder) {
        // Only forms built through their constructor; plain request parameters keep their own handling.
        if (binder.getTarget() == null && binder.getTargetType() != null) {
            binder.setValidator(validator);
        }
    }
}
