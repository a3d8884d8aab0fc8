package org.imrplatform.shared;

import java.beans.PropertyEditorSupport;
import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How every controller binds what people send, in one place (run for each binder, so kept to one pass):
 * <ul>
 * <li>Text may hold line breaks and tabs but no other control character ({@link TextInput}): a form field holding
 * one gets the {@code typeMismatch.java.lang.String} message on the field, a plain request parameter a 400.</li>
 * <li>A record form is checked field by field even when one field could not be converted (a choice not offered):
 * Spring then checks the other constructor arguments one by one, which Spring Boot's MVC validator adapter cannot
 * do (it validates whole objects only); the validator it wraps can.</li>
 * <li>A forged field name reaching below a field ({@code email[0]}, {@code fullName.bytes}) is ignored by record
 * forms, which have no nested fields; on any other form Spring's binder throws, and that is answered 400 rather
 * than a server error with a log line quoting the typed value.</li>
 * </ul>
 */
@ControllerAdvice
class FormBinding {

    private final Validator validator;

    FormBinding(@Qualifier("defaultValidator") Validator validator) {
        this.validator = validator;
    }

    @InitBinder
    void bindingRules(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (TextInput.hasControlCharacter(text)) {
                    throw new IllegalArgumentException("control character in text");
                }
                setValue(text);
            }
        });
        // A form built through its constructor: the binder is made before the form, so only its type tells.
        Class<?> form = binder.getTarget() == null && binder.getTargetType() != null
                ? binder.getTargetType().resolve() : null;
        if (form != null) {
            binder.setValidator(validator);
            if (form.isRecord()) {
                binder.setDisallowedFields("*.*", "*[*");
            }
        }
    }

    @ExceptionHandler(InvalidPropertyException.class)
    void refuse(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
