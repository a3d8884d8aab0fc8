package org.imrplatform.shared;

/**
 * The rule for text people type: line breaks and tabs, but no other control character. PostgreSQL refuses NUL in
 * text, and none of them is something a person means to store. Forms apply it through {@link FormBinding}; code
 * that reads text outside the forms (sign-in, packages, cookies) asks it here.
 */
public final class TextInput {

    private TextInput() {
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
