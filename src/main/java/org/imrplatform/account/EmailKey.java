package org.imrplatform.account;

import java.util.Locale;

/**
 * How an email address identifies a person everywhere (accounts, event attendance): trimmed and lower-cased, so
 * Ana@Example.org and ana@example.org are one person. Every module that matches people by address uses this.
 */
public final class EmailKey {

    private EmailKey() {
    }

    public static String of(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
