package org.imrplatform.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256, in hex, of the text that identifies an imported record by its content (its answers, its results):
 * a key of fixed length that an index can hold however long the record is.
 */
public final class ContentKey {

    private ContentKey() {
    }

    public static String of(String identifyingText) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identifyingText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
