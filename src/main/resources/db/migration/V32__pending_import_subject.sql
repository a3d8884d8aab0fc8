-- A previewed file may now be for something other than an event: a needs assessment, told by the date and title typed
-- beside it. What a file was previewed for is therefore kept as text, read by its kind (an event's id, or a needs
-- assessment's date and title), and this table no longer references events: the imports module owns it alone.
alter table pending_import add column subject varchar(400);
update pending_import set subject = cast(event_id as varchar(20));
alter table pending_import alter column subject set not null;
alter table pending_import drop column event_id;
