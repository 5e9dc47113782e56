-- claims-service's own database: events, storylines, placed posts with reasons and signals, and the outbox of
-- timeline changes written in the same transaction as the placements (see README: the dual-write problem).

create table events (
    id              varchar(64)  primary key,
    title           text         not null,
    place_name      text,
    lat             double precision,
    lon             double precision,
    radius_km       double precision,
    first_post_at   timestamptz  not null,
    last_post_at    timestamptz  not null,
    post_count      bigint       not null,
    author_count    bigint       not null,
    storyline_count integer      not null,
    status          varchar(16)  not null,
    -- the sequence number of the event's latest timeline change: each change takes the next one
    sequence        bigint       not null,
    merged_into     varchar(64),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index events_last_post_at on events (last_post_at);

create table storylines (
    id             varchar(64)  primary key,
    event_id       varchar(64)  not null references events (id),
    label          text         not null,
    first_post_id  varchar(128) not null,
    first_post_at  timestamptz  not null,
    last_post_at   timestamptz  not null,
    post_count     bigint       not null,
    author_count   bigint       not null,
    corroboration  bigint       not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create index storylines_event_id on storylines (event_id);

-- the primary key is the placement order: replaying placements in key order rebuilds the placer's hot state
create sequence posts_seq increment by 500;
create table posts (
    placement     bigint       primary key,
    id            varchar(128) not null unique,
    event_id      varchar(64)  not null references events (id),
    storyline_id  varchar(64)  not null references storylines (id),
    author_handle text,
    posted_at     timestamptz  not null,
    placed_at     timestamptz  not null,
    reasons       text         not null,
    -- the PostAccepted record as received (JSON), for replays, summaries and editor actions
    payload       text         not null
);
create index posts_event_id on posts (event_id);
create index posts_storyline_id on posts (storyline_id);

create sequence post_signals_seq increment by 500;
create table post_signals (
    id              bigint       primary key,
    post_id         varchar(128) not null references posts (id),
    storyline_id    varchar(64)  not null,
    type            varchar(64)  not null,
    reason          text         not null,
    related_post_id varchar(128)
);
create index post_signals_post_id on post_signals (post_id);

-- distinct claimed authors per event and storyline: an insert that conflicts tells that the author was counted already
create table event_authors (
    event_id      varchar(64) not null,
    author_handle text        not null,
    primary key (event_id, author_handle)
);
create table storyline_authors (
    storyline_id  varchar(64) not null,
    author_handle text        not null,
    primary key (storyline_id, author_handle)
);

-- timeline changes waiting for the broker's acknowledgement, published in key order and then deleted
create sequence outbox_seq increment by 500;
create table outbox (
    id         bigint       primary key,
    event_id   varchar(64)  not null,
    sequence   bigint       not null,
    kind       varchar(32)  not null,
    payload    text         not null,
    created_at timestamptz  not null
);
