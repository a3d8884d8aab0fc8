-- A program's codes are told apart whatever their case (P-01 and p-01 are one code), also when two people add them
-- at the same moment: the database keeps the rule, not only the form.
alter table participant add column code_key varchar(40);
update participant set code_key = lower(code);
alter table participant alter column code_key set not null;
alter table participant drop constraint participant_code_uk;
alter table participant add constraint participant_code_uk unique (program_id, code_key);
