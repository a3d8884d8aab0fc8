package org.imrplatform.relapse;

import java.util.ArrayList;
import java.util.List;

import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantErased;
import org.imrplatform.participants.RecordPart;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The plan in the participant's exported record (the current plan, part by part, and how many earlier versions
 * there are), and every version deleted when the record is erased: nothing of a plan identifies nobody, so no count
 * is kept.
 */
@Component
class PlanRecordPart implements RecordPart {

    private final PlanVersions versions;

    PlanRecordPart(PlanVersions versions) {
        this.versions = versions;
    }

    @Override
    public String headingKey() {
        return "relapse.title";
    }

    @Override
    public List<Entry> entries(Participant participant) {
        List<PlanVersion> all = versions.all(participant.id());
        if (all.isEmpty()) {
            return List.of();
        }
        PlanVersion current = all.getFirst();
        RelapsePlan plan = current.plan();
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("relapse.triggers", current.savedOn(), String.join("\n", plan.triggers())));
        entries.add(new Entry("relapse.warningSigns", current.savedOn(), String.join("\n", plan.warningSigns())));
        entries.add(new Entry("relapse.copingStrategies", current.savedOn(),
                String.join("\n", plan.copingStrategies())));
        entries.add(new Entry("relapse.actions", current.savedOn(), String.join("\n", plan.actions())));
        entries.add(new Entry("relapse.supporters", current.savedOn(), String.join("\n", plan.supporters())));
        entries.add(new Entry("relapse.reviewOn", current.savedOn(), plan.reviewOn().toString()));
        entries.add(new Entry("relapse.export.earlierVersions", current.savedOn(), String.valueOf(all.size() - 1)));
        return entries;
    }

    @EventListener
    void erase(ParticipantErased erased) {
        versions.deleteAll(erased.participantId());
    }
}
