-- Events are picked by area of focus without regard to case. Comparing lower(area) gave PostgreSQL no statistics,
-- so it guessed a handful of events and planned nested loops over 270,000 attendance rows (1.3 s instead of 0.37 s
-- in bench/outcomes-scale.sh); a column of its own has statistics.
alter table outreach_event add column area_key varchar(100);
update outreach_event set area_key = lower(area);
alter table outreach_event alter column area_key set not null;
