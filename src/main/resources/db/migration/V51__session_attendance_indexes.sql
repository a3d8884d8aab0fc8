-- sessions: participants' attendance (a group's page, a record's export, the figures) is read by participant id
-- and joined to the sessions' day and length. With the session id in the participant index and the day and length
-- in an index on the session id, PostgreSQL answers from the indexes alone, also with the one plan it keeps for all
-- dates once a statement has run often on a connection: for a group of 16 over two years (practice-scale.sh) that
-- plan had walked every session of the center, 43 ms, where it now takes 3 ms.
create index session_attendance_participant_session_idx on session_attendance (participant_id, session_id);
drop index session_attendance_participant_idx;
create index group_session_id_day_idx on group_session (id, minutes, held_on);
