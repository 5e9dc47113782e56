-- Storylines of one event can now merge (the grouping engine finds two that tell one claim): the absorbed storyline
-- stays, empty, pointing at the one that took its posts, as an absorbed event does.
alter table storylines add column merged_into varchar(64);
