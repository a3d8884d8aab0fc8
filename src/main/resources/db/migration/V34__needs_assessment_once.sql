-- A needs assessment is stored once (docs/metrics.md): another with the same day and the same title, or the same day
-- and the same results, is the same assessment. The keys are kept so that unique indexes refuse a second one even
-- when two confirmations arrive at the same moment: title_key is the title in lower case with runs of spaces made
-- one, results_key the SHA-256 of the sorted areas with their rank and percent. Assessments imported before this
-- keep no keys (some may be the very repeats this ends); imports compare them by their title and results all the same.
alter table needs_assessment add column title_key varchar(300);
alter table needs_assessment add column results_key varchar(64);
create unique index needs_assessment_title_uk on needs_assessment (conducted_on, title_key);
create unique index needs_assessment_results_uk on needs_assessment (conducted_on, results_key);
