package org.imrplatform.fidelity;

import java.math.BigDecimal;

/** A named range of mean scores, from {@code from} (inclusive) up to the next band's start. */
public record FidelityBand(String id, String label, BigDecimal from) {
}
