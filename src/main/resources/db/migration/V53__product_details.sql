-- products: what a product is and where it is (shown on an area's public page), and the event it comes from (a
-- webinar's recording, a training's materials). The view keeps its columns and adds the new ones at its end.
alter table product add column description varchar(2000);
alter table product add column link varchar(500);
alter table product add column event_id bigint references outreach_event (id);

create or replace view products_catalog as
select id, title, kind, area, released_on, description, link, event_id from product;
