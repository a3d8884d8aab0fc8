-- Read views the sessions module publishes for the figures that come next (the center's Practice figures, fidelity
-- items grounded in records, a facilitator's whole picture). They carry no note and no typed text: a session's
-- day, length, module, agenda and number of attendees, and who attended which session by participant id.
create view sessions_held as
    select id session_id, group_id, held_on, minutes, module_number, agenda, attendee_count
    from group_session;

create view sessions_attendance as
    select a.participant_id, s.group_id, s.held_on, s.minutes, s.module_number
    from session_attendance a join group_session s on s.id = a.session_id;
