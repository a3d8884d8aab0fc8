package org.imrplatform.shared;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A controller's own check rejecting a form field. {@code BindingResult.rejectValue} reads the field from the form
 * object, which Spring leaves unset when a value could not be converted (a choice that was not offered, a control
 * character), so a second problem on such a form ended in a server error; this reads the value that was sent.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult errors, String field, String code) {
        if (errors.getTarget() != null) {
            // The form was made: its value keeps its type (a date stays a date when the page shows it again).
            errors.rejectValue(field, code);
            return;
        }
        errors.addError(new FieldError(errors.getObjectName(), field, errors.getFieldValue(field), false,
                errors.resolveMessageCodes(code, field), null, null));
    }
}
