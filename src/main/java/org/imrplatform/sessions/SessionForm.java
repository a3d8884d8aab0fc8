package org.imrplatform.sessions;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.imrplatform.participants.Participant;
import org.imrplatform.shared.ReasonableDate;
import org.springframework.validation.Errors;

/**
 * A group session as posted: {@code attendees} are the public ids ticked, {@code notes[public-id]} the notes about
 * them. Attendees and notes are checked against the group's participants, since any of it may have been altered
 * on its way from the browser.
 */
public class SessionForm {

    static final int MIN_MINUTES = 15;
    static final int MAX_MINUTES = 240;
    static final int MAX_NOTE = 500;

    @NotNull(message = "{sessions.heldOn.required}")
    @ReasonableDate
    private LocalDate heldOn;
    @NotNull(message = "{sessions.minutes.required}")
    @Min(value = MIN_MINUTES, message = "{sessions.minutes.range}")
    @Max(value = MAX_MINUTES, message = "{sessions.minutes.range}")
    private Integer minutes;
    @NotNull(message = "{sessions.module.required}")
    private Integer module;
    @NotBlank(message = "{sessions.topic.required}")
    @Size(max = 200, message = "{sessions.topic.long}")
    private String topic;
    private Set<AgendaPart> parts = EnumSet.noneOf(AgendaPart.class);
    @Size(max = 1000, message = "{sessions.homeAssignment.long}")
    private String homeAssignment;
    private Set<String> attendees = new LinkedHashSet<>();
    private Map<String, String> notes = new HashMap<>();

    static SessionForm of(GroupSession session, Map<String, String> attended) {
        SessionForm form = new SessionForm();
        form.heldOn = session.heldOn();
        form.minutes = session.minutes();
        form.module = session.module();
        form.topic = session.topic();
        form.parts.addAll(session.agenda());
        form.homeAssignment = session.homeAssignment();
        form.attendees = new LinkedHashSet<>(attended.keySet());
        attended.forEach((publicId, note) -> form.notes.put(publicId, note == null ? "" : note));
        return form;
    }

    /**
     * What the group's participants cannot tell about themselves: the day is not in the future nor before the
     * group started (the day its first participant joined), each attendee is a participant of the group taking part
     * on that day, and notes are about attendees and short. The day's other session is checked by the caller.
     */
    void check(List<Participant> roster, Curriculum curriculum, LocalDate today, Errors errors) {
        if (roster.isEmpty()) {
            errors.rejectValue("attendees", "sessions.attendees.noParticipants");
            return;
        }
        LocalDate started = roster.stream().map(Participant::joinedOn).min(LocalDate::compareTo).orElseThrow();
        boolean dayKnown = heldOn != null && !errors.hasFieldErrors("heldOn");
        if (dayKnown && heldOn.isAfter(today)) {
            errors.rejectValue("heldOn", "sessions.heldOn.future");
        } else if (dayKnown && heldOn.isBefore(started)) {
            errors.rejectValue("heldOn", "sessions.heldOn.beforeStart", new Object[] {started.toString()}, null);
        }
        if (module != null && curriculum.module(module).isEmpty()) {
            errors.rejectValue("module", "sessions.module.notOffered");
        }
        Map<String, Participant> byId = roster.stream()
                .collect(Collectors.toMap(Participant::publicId, Function.identity()));
        if (!byId.keySet().containsAll(attendees) || !byId.keySet().containsAll(notes.keySet())) {
            errors.rejectValue("attendees", "sessions.attendees.notInGroup");
            return;
        }
        if (attendees.isEmpty()) {
            errors.rejectValue("attendees", "sessions.attendees.required");
        }
        for (String publicId : attendees) {
            Participant participant = byId.get(publicId);
            if (dayKnown && !takingPart(participant, heldOn)) {
                errors.rejectValue("attendees", "sessions.attendees.notTakingPart",
                        new Object[] {participant.label(), heldOn.toString()}, null);
            }
        }
        notes.forEach((publicId, note) -> {
            String text = note == null ? "" : note.strip();
            if (text.length() > MAX_NOTE) {
                errors.rejectValue("notes[" + publicId + "]", "sessions.note.long",
                        new Object[] {byId.get(publicId).label(), MAX_NOTE}, null);
            } else if (!text.isEmpty() && !attendees.contains(publicId)) {
                errors.rejectValue("notes[" + publicId + "]", "sessions.note.notAttending",
                        new Object[] {byId.get(publicId).label()}, null);
            }
        });
    }

    private static boolean takingPart(Participant participant, LocalDate day) {
        return !day.isBefore(participant.joinedOn()) && (participant.endedOn() == null
                || !day.isAfter(participant.endedOn()));
    }

    /** The note about an attendee as it is stored: stripped, null when empty. */
    String noteAbout(String publicId) {
        String note = notes.get(publicId);
        return note == null || note.isBlank() ? null : note.strip();
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public void setHeldOn(LocalDate heldOn) {
        this.heldOn = heldOn;
    }

    public Integer getMinutes() {
        return minutes;
    }

    public void setMinutes(Integer minutes) {
        this.minutes = minutes;
    }

    public Integer getModule() {
        return module;
    }

    public void setModule(Integer module) {
        this.module = module;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public Set<AgendaPart> getParts() {
        return parts;
    }

    public void setParts(Set<AgendaPart> parts) {
        this.parts = parts;
    }

    public String getHomeAssignment() {
        return homeAssignment;
    }

    public void setHomeAssignment(String homeAssignment) {
        this.homeAssignment = homeAssignment;
    }

    public Set<String> getAttendees() {
        return attendees;
    }

    public void setAttendees(Set<String> attendees) {
        this.attendees = attendees;
    }

    public Map<String, String> getNotes() {
        return notes;
    }

    public void setNotes(Map<String, String> notes) {
        this.notes = notes;
    }
}
