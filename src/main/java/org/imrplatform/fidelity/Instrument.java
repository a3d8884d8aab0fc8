package org.imrplatform.fidelity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A fidelity instrument as defined by its file in src/main/resources/instruments: its items, rating scale, bands
 * and target (items rated below it get the item's suggestion; items at or above it are strengths).
 */
public record Instrument(String id, int version, String name, InstrumentKind kind, String description, int min,
        int max, int target, List<FidelityBand> bands, List<InstrumentItem> items) {

    public Optional<InstrumentItem> item(String itemId) {
        return items.stream().filter(item -> item.id().equals(itemId)).findFirst();
    }

    public List<Integer> points() {
        return IntStream.rangeClosed(min, max).boxed().toList();
    }

    /** The band a mean falls in; bands are kept highest first and the lowest starts at the scale's minimum. */
    public FidelityBand band(BigDecimal mean) {
        return bands.stream().filter(band -> mean.compareTo(band.from()) >= 0).findFirst()
                .orElse(bands.getLast());
    }

    public boolean inRange(int rating) {
        return rating >= min && rating <= max;
    }
}
