-- areas: one page per area whatever its spelling's case ("IMR" and "imr" are one area, as everywhere else). The
-- application writes the key (lower case), since H2 has no index on an expression; two administrators adding the
-- same area at once then meet this index, not two pages.
alter table area_page add column area_key varchar(100);
update area_page set area_key = lower(area);
alter table area_page alter column area_key set not null;
create unique index area_page_area_key on area_page (area_key);
