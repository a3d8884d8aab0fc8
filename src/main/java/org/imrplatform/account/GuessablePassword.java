package org.imrplatform.account;

import java.util.Arrays;
import java.util.Locale;

/**
 * A long password can still be easy to guess: built from the person's own name or address, or from a few repeated
 * characters. One rule for every place a password is chosen: registration, a change and a reset.
 */
final class GuessablePassword {

    private GuessablePassword() {
    }

    static boolean of(String password, String email, String fullName) {
        if (password == null || password.isBlank()) {
            return false;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        boolean usesName = fullName != null && Arrays.stream(fullName.toLowerCase(Locale.ROOT).split("\\s+"))
                .anyMatch(word -> word.length() >= 4 && lower.contains(word));
        return usesName || (localPart.length() >= 4 && lower.contains(localPart))
                || password.chars().distinct().count() < 4;
    }
}
