package org.imrplatform.imrs;

import org.imrplatform.participants.ParticipantErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A participant's record is erased: their ratings go with it, inside the erasing transaction. No count is kept. */
@Component
class ImrsErasure {

    private final RatingStore store;

    ImrsErasure(RatingStore store) {
        this.store = store;
    }

    @EventListener
    void erase(ParticipantErased erased) {
        store.deleteAll(erased.participantId());
    }
}
