-- The outcomes dashboard reads a period's slide views (learners engaged, enrollments) by date: without this index
-- every request read all views ever made (bench/outcomes-scale.sh). account_id and course_id make it covering.
create index slide_view_first_viewed_idx on slide_view (first_viewed_at, account_id, course_id);
