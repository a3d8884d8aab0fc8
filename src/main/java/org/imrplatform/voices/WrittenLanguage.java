package org.imrplatform.voices;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A guess at whether a comment is written in Spanish or English, offered to the administrator, who decides: Spanish
 * when it has Spanish letters or more common Spanish than English words.
 */
final class WrittenLanguage {

    private static final Pattern SPANISH_LETTERS = Pattern.compile("[ñáéíóúü¿¡]");
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}]+");
    private static final Set<String> SPANISH = Set.of("el", "la", "los", "las", "de", "del", "que", "y", "en", "un",
            "una", "es", "muy", "para", "con", "por", "lo", "mi", "me", "se", "al", "pero", "como", "más", "bueno");
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "a", "in", "is", "it", "was", "very",
            "for", "with", "i", "my", "me", "this", "that", "but", "as", "more", "good", "great");

    private WrittenLanguage() {
    }

    /** "es" or "en". */
    static String guess(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (SPANISH_LETTERS.matcher(lower).find()) {
            return "es";
        }
        long spanish = 0;
        long english = 0;
        for (String word : WORDS.split(lower)) {
            spanish += SPANISH.contains(word) ? 1 : 0;
            english += ENGLISH.contains(word) ? 1 : 0;
        }
        return spanish > english ? "es" : "en";
    }
}
