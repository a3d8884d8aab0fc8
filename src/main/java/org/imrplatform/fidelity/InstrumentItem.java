package org.imrplatform.fidelity;

import java.util.Map;

/**
 * One rated item: what it looks at, the anchor text for every rating point, whether it may be left out as not
 * applicable, and what a program or facilitator can do when it is rated below the instrument's target.
 */
public record InstrumentItem(String id, int number, String title, String description, Map<Integer, String> anchors,
        boolean optional, String suggestion) {

    public String anchor(int rating) {
        return anchors.get(rating);
    }
}
