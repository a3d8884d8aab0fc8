package org.imrplatform.fidelity;

import org.imrplatform.account.Account;
import org.imrplatform.account.Accounts;
import org.imrplatform.practice.ImrGroup;
import org.imrplatform.practice.ImrProgram;
import org.imrplatform.practice.Programs;
import org.springframework.stereotype.Component;

/** Puts a review together with its instrument, its score and the names of what it rated. */
@Component
class FeedbackReports {

    private final Instruments instruments;
    private final Programs programs;
    private final Accounts accounts;

    FeedbackReports(Instruments instruments, Programs programs, Accounts accounts) {
        this.instruments = instruments;
        this.programs = programs;
        this.accounts = accounts;
    }

    FeedbackReport of(FidelityReview review) {
        Instrument instrument = instruments.require(review.instrumentId(), review.instrumentVersion());
        String program = programs.program(review.programId()).map(ImrProgram::label).orElseThrow();
        String group = review.groupId() == null ? null
                : programs.group(review.groupId()).map(ImrGroup::name).orElseThrow();
        String facilitator = review.facilitatorId() == null ? null
                : accounts.find(review.facilitatorId()).map(Account::fullName).orElseThrow();
        return new FeedbackReport(review, instrument, ReviewScore.of(instrument, review.ratingValues()), program,
                group, facilitator, instrument.items().stream().map(item -> {
                    ItemRating answer = review.ratings().get(item.id());
                    return answer == null ? new FeedbackReport.ItemResult(item, null, false, null)
                            : new FeedbackReport.ItemResult(item, answer.rating(), answer.notApplicable(),
                                    answer.notes());
                }).toList());
    }
}
