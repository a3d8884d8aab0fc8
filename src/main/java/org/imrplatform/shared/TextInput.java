package org.imrplatform.shared;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text typed into any form may hold line breaks and tabs but no other control characters: PostgreSQL refuses NUL
 * in text, and none of them is something a person means to store. A form field holding one gets the
 * {@code typeMismatch.java.lang.String} message on that field; a plain request parameter a 400.
 */
@ControllerAdvice
public class TextInput {

    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (hasControlCharacter(text)) {
                    throw new IllegalArgumentException("control character in text");
                }
                setValue(text);
            }
        });
    }

    /** Whether the text holds a control character other than a line break or a tab. */
    public static boolean hasControlCharacter(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
