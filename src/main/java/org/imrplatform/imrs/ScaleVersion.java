package org.imrplatform.imrs;

import java.util.List;
import java.util.Optional;

/** One version of the client self-rating or the clinician rating, as its file under {@code imrs/} defines it. */
public record ScaleVersion(String id, int version, ImrsKind kind, Wording name, Wording instructions,
        List<ScaleItem> items) {

    public static final int ITEMS = 15;
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public Optional<ScaleItem> item(int number) {
        return items.stream().filter(item -> item.number() == number).findFirst();
    }
}
