-- The grouping engine remembers, for an event started by a new picture, the active event its post nearly joined, and
-- compares the two again hours later. Stored here so that a restart of claims-service does not forget the pair.
create table nearly_joined (
    fragment_event_id varchar(64) primary key,
    near_event_id     varchar(64) not null,
    due_at            timestamptz not null
);
