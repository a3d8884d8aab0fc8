package org.imrplatform.outcomes;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Checks every field of a form at once, even when another could not be converted (a date that is not a date, a
 * choice not offered). Spring builds a record form through its constructor and then checks the other arguments
 * one by one, which Spring Boot's MVC validator adapter cannot do (it only validates whole objects); the
 * validator it wraps can.
 */
@ControllerAdvice(assignableTypes = {EventController.class, ProductController.class,
        NeedsAssessmentController.class})
class FormValidation {

    private final Validator validator;

    FormValidation(@Qualifier("defaultValidator") Validator validator) {
        this.validator = validator;
    }

    @InitBinder("form")
    void validateEachConstructorArgument(WebDataBinder binder) {
        if (binder.getTarget() == null) {
            binder.setValidator(validator);
        }
    }
}
