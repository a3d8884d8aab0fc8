package org.imrplatform.fidelity;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.practice.Programs;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may see a review. Reviewers and administrators see every review. A facilitator sees submitted reviews only:
 * clinical reviews of their own sessions and programmatic reviews of programs where they lead a group. Anything
 * else answers 404, exactly like a review that does not exist, so its existence never shows. Nobody rates their own
 * work: see {@link #ownWork}.
 */
@Component
class ReviewAccess {

    private final FidelityReviews reviews;
    private final Programs programs;

    ReviewAccess(FidelityReviews reviews, Programs programs) {
        this.reviews = reviews;
        this.programs = programs;
    }

    static boolean reviews(SignedInAccount me) {
        return me.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_REVIEWER")
                || a.getAuthority().equals("ROLE_ADMINISTRATOR"));
    }

    FidelityReview visible(long id, SignedInAccount me) {
        return reviews.find(id).filter(review -> maySee(review, me)).orElseThrow(ReviewAccess::notFound);
    }

    boolean maySee(FidelityReview review, SignedInAccount me) {
        if (reviews(me)) {
            return true;
        }
        if (!review.submitted()) {
            return false;
        }
        return review.facilitatorId() != null ? review.facilitatorId() == me.accountId()
                : programs.programsFacilitatedBy(me.accountId()).contains(review.programId());
    }

    /**
     * Whether the subject of a review is the person's own work: a session they facilitate (clinical), or a program
     * in which they lead a group (programmatic), since its fidelity is largely theirs. Such a review is neither
     * started, rated nor revised by them; colleagues in the same program may still rate each other's sessions.
     */
    boolean ownWork(long programId, Long facilitatorId, SignedInAccount me) {
        return facilitatorId != null ? facilitatorId == me.accountId()
                : programs.programsFacilitatedBy(me.accountId()).contains(programId);
    }

    boolean ownWork(FidelityReview review, SignedInAccount me) {
        return ownWork(review.programId(), review.facilitatorId(), me);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
