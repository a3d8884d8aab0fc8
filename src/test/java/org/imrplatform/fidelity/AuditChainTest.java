package org.imrplatform.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.imrplatform.fidelity.AuditChain.Entry;
import org.junit.jupiter.api.Test;

/** An entry changed, removed or moved no longer follows from the one before it; the end is held by the head. */
class AuditChainTest {

    private final List<Entry> chain = new ArrayList<>();

    AuditChainTest() {
        String previous = AuditChain.START;
        for (long id = 1; id <= 5; id++) {
            Instant at = Instant.parse("2026-03-0" + id + "T10:00:00.123456Z");
            previous = AuditChain.link(previous, at, 7, "VIEWED", 40 + id);
            chain.add(new Entry(id, at, 7, "VIEWED", 40 + id, previous));
        }
    }

    private AuditChain.Check check(List<Entry> entries) {
        return AuditChain.check(entries.iterator(), chain.getLast().hash());
    }

    @Test
    void anUntouchedLogChecksOut() {
        assertThat(check(chain)).isEqualTo(new AuditChain.Check(5, null, false));
        assertThat(check(chain).intact()).isTrue();
        assertThat(AuditChain.check(List.<Entry>of().iterator(), AuditChain.START).intact()).isTrue();
    }

    @Test
    void aChangedEntryIsFound() {
        Entry third = chain.get(2);
        chain.set(2, new Entry(3, third.at(), 8, third.action(), third.reviewId(), third.hash()));
        assertThat(check(chain).firstAltered()).isEqualTo(3);
        chain.set(2, new Entry(3, third.at().plusNanos(1_000), 7, third.action(), third.reviewId(), third.hash()));
        assertThat(check(chain).firstAltered()).isEqualTo(3);
    }

    @Test
    void aRemovedOrMovedEntryIsFound() {
        List<Entry> removed = new ArrayList<>(chain);
        removed.remove(1);
        assertThat(check(removed).firstAltered()).isEqualTo(3);

        List<Entry> moved = new ArrayList<>(chain);
        moved.set(1, chain.get(2));
        moved.set(2, chain.get(1));
        assertThat(check(moved).firstAltered()).isEqualTo(3);
    }

    @Test
    void removedLatestEntriesAreFound() {
        AuditChain.Check check = check(chain.subList(0, 3));
        assertThat(check.firstAltered()).isNull();
        assertThat(check.endMissing()).isTrue();
        assertThat(check.intact()).isFalse();
    }
}
