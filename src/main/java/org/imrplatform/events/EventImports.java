package org.imrplatform.events;

import java.util.List;
import java.util.Set;

import org.imrplatform.imports.PendingImports;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event's imports: a file is previewed (what would be added, what is already there, what is rejected and why)
 * and kept on the server; its confirmation imports that very file, once.
 */
@Service
class EventImports {

    /** What a file would add; {@code pendingId} is what the confirmation gives back, null when there is nothing. */
    record Preview(EventFile file, List<? extends EventFile.Entry> fresh, int already, String pendingId) {
    }

    /** What a confirmation did, or why it did nothing. */
    record Confirmation(List<MessageSourceResolvable> problems, int added, int skipped, int rejected) {
    }

    private final OutreachEvents events;
    private final PendingImports pending;

    EventImports(OutreachEvents events, PendingImports pending) {
        this.events = events;
        this.pending = pending;
    }

    Preview preview(long accountId, long eventId, EventImport kind, byte[] content) {
        EventFile file = kind.read(content);
        Set<String> known = events.keys(eventId, kind);
        List<? extends EventFile.Entry> fresh = file.entries().stream()
                .filter(entry -> !known.contains(entry.key())).toList();
        String pendingId = fresh.isEmpty() ? null
                : pending.keep(accountId, kind.name(), String.valueOf(eventId), content);
        return new Preview(file, fresh, file.entries().size() - fresh.size(), pendingId);
    }

    @Transactional
    Confirmation confirm(long accountId, long eventId, EventImport kind, String pendingId) {
        PendingImports.Claim claim = pending.claim(pendingId, accountId, kind.name(), String.valueOf(eventId));
        if (claim.refusal() != null) {
            return new Confirmation(List.of(claim.refusal()), 0, 0, 0);
        }
        EventFile file = kind.read(claim.content());
        int added = events.record(eventId, kind, file.entries());
        return new Confirmation(List.of(), added, file.entries().size() - added, file.rejected().size());
    }
}
