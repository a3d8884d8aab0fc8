-- Read views each module publishes for the others (docs/architecture.md): another module reads these, never the
-- tables under them, so an owner may reshape its tables as long as its views keep their columns. Each view is
-- named after its owner. The planners of H2 and PostgreSQL fold these plain views into the queries that use them.

-- account: the facts people gave about themselves, for reports that name or count them.
create view account_people as
select id, email, email_key, full_name, discipline, organization, region from account;

-- progress: when each learner first saw each slide (enrollments and people engaged).
create view progress_first_views as
select account_id, course_id, first_viewed_at from slide_view;

-- completion: when each learner first met each course's rule.
create view completion_records as
select account_id, course_id, completed_at from course_completion;

-- evaluation: the ratings of submitted course evaluations.
create view evaluation_answers as
select course_id, submitted_at, overall_quality, recommend, benefit, use_in_practice
from course_evaluation where submitted_at is not null;

-- events: events, who attended them, the people engaged through them and the answers to their surveys.
create view events_outreach as
select id, title, kind, starts_on, ends_on, area, area_key, region from outreach_event;

create view events_attendance as
select event_id, person_id from event_attendance;

create view events_people as
select id, email_key, region, discipline from engaged_person;

create view events_survey_answers as
select event_id, overall_quality, recommend, benefit, use_in_practice from event_survey_response;

-- products: the catalog's areas and release dates.
create view products_catalog as
select id, title, kind, area, released_on from product;
