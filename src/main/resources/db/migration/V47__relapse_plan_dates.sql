-- relapse: when each participant's plan versions were saved and what review day each set, for the figures of the
-- facilitator's picture, fidelity item 12 (relapse prevention training) and the center's outcomes. No plan text.
create view relapse_plan_dates as
select participant_id, version, saved_on, review_on from relapse_plan_version;
