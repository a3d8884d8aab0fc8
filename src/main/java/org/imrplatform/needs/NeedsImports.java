package org.imrplatform.needs;

import java.util.List;
import java.util.Optional;

import org.imrplatform.imports.PendingImports;
import org.imrplatform.imports.UploadedTable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A needs assessment's import: the file is previewed with its title and date (every area with its rank and percent,
 * every row's problem, and whether the assessment is already stored) and kept on the server; its confirmation
 * stores that very assessment, once.
 */
@Service
class NeedsImports {

    static final String KIND = "NEEDS_ASSESSMENT";

    /**
     * What the file holds; {@code already} says which stored assessment it repeats, and {@code pendingId} is what
     * the confirmation gives back, null when there is nothing to store.
     */
    record Preview(NeedsAssessmentForm form, NeedsFile file, Optional<MessageSourceResolvable> already,
            String pendingId) {
    }

    /** What a confirmation stored, or why it stored nothing. */
    record Confirmation(NeedsAssessmentForm stored, List<MessageSourceResolvable> problems) {

        static Confirmation refused(MessageSourceResolvable why) {
            return new Confirmation(null, List.of(why));
        }
    }

    private final NeedsAssessments assessments;
    private final PendingImports pending;

    NeedsImports(NeedsAssessments assessments, PendingImports pending) {
        this.assessments = assessments;
        this.pending = pending;
    }

    Preview preview(long accountId, NeedsAssessmentForm form, byte[] content) {
        NeedsFile file = NeedsFile.read(content);
        Optional<MessageSourceResolvable> already = file.whole() ? assessments.already(form, file.areas())
                : Optional.empty();
        String pendingId = file.whole() && already.isEmpty() ? pending.keep(accountId, KIND, form.subject(), content)
                : null;
        return new Preview(form, file, already, pendingId);
    }

    /**
     * Stores the previewed assessment, unless it was stored meanwhile (by another preview's confirmation). Two
     * confirmations at the same moment both pass that check; the database's unique keys then refuse the later one,
     * whose transaction is rolled back whole.
     */
    @Transactional
    Confirmation confirm(long accountId, String pendingId) {
        PendingImports.Claim claim = pending.claim(pendingId, accountId, KIND);
        if (claim.refusal() != null) {
            return Confirmation.refused(claim.refusal());
        }
        NeedsAssessmentForm form = NeedsAssessmentForm.ofSubject(claim.subject());
        NeedsFile file = NeedsFile.read(claim.content());
        if (!file.whole()) {
            // Only a whole file is kept, and reading it again reads the same; this guards a partial ranking anyway.
            return Confirmation.refused(UploadedTable.problem("needs.preview.whole"));
        }
        Optional<MessageSourceResolvable> already = assessments.already(form, file.areas());
        if (already.isPresent()) {
            return Confirmation.refused(already.get());
        }
        assessments.store(form, file.areas());
        return new Confirmation(form, List.of());
    }
}
