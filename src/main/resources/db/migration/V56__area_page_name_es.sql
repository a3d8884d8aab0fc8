-- areas: the area's name in Spanish, for the heading of its page and sheet read in Spanish (empty: the name as the
-- records spell it, which stays the area's key everywhere).
alter table area_page add column name_es varchar(100) default '' not null;
update area_page set name_es = 'Manejo de la Enfermedad y Recuperación (IMR)' where slug = 'imr';
