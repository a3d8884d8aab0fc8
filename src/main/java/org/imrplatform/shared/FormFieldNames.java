package org.imrplatform.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A form is bound by the names its page sends. A forged name that reaches below a field, by an index or a property
 * path ({@code email[0]}, {@code fullName.bytes}, {@code rating[a][b]}), is no field of the form, yet Spring's
 * binder answers it with an exception: a server error, and a log line quoting the typed value. Record forms have
 * no nested fields, so they ignore such names; any other form refuses the request as a bad one.
 */
@ControllerAdvice
class FormFieldNames {

    @InitBinder
    void ignoreNestedNamesOnRecordForms(WebDataBinder binder) {
        // The binder is made before the form is, so the form's type tells; plain request parameters have none.
        Class<?> form = binder.getTargetType() == null ? null : binder.getTargetType().resolve();
        if (form != null && form.isRecord()) {
            binder.setDisallowedFields("*.*", "*[*");
        }
    }

    @ExceptionHandler(InvalidPropertyException.class)
    void refuse(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
