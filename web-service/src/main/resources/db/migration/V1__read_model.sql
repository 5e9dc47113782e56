-- web-service read model of claimline.timeline.v1: what the API, the SSE stream and the pages read.

-- Events as claims-service last described them; merged_into is set once the event was absorbed by another.
CREATE TABLE events (
    id               TEXT PRIMARY KEY,
    title            TEXT,
    status           TEXT NOT NULL,
    place_name       TEXT,
    lat              DOUBLE PRECISION,
    lon              DOUBLE PRECISION,
    radius_km        DOUBLE PRECISION,
    first_post_at    TIMESTAMPTZ,
    last_post_at     TIMESTAMPTZ,
    post_count       BIGINT NOT NULL DEFAULT 0,
    author_count     BIGINT NOT NULL DEFAULT 0,
    storyline_count  INTEGER NOT NULL DEFAULT 0,
    last_activity_at TIMESTAMPTZ NOT NULL,
    merged_into      TEXT
);
-- Board order: newest activity first, keyset (last_activity_at, id).
CREATE INDEX events_activity_idx ON events (last_activity_at DESC, id DESC);
CREATE INDEX events_status_activity_idx ON events (status, last_activity_at DESC, id DESC);

CREATE TABLE storylines (
    id             TEXT PRIMARY KEY,
    event_id       TEXT NOT NULL,
    label          TEXT,
    first_post_id  TEXT,
    first_post_at  TIMESTAMPTZ,
    last_post_at   TIMESTAMPTZ,
    post_count     BIGINT NOT NULL DEFAULT 0,
    author_count   BIGINT NOT NULL DEFAULT 0,
    corroboration  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX storylines_event_idx ON storylines (event_id);

-- Posts as placed; JSON columns hold lists the read model only passes through.
CREATE TABLE posts (
    id              TEXT PRIMARY KEY,
    event_id        TEXT NOT NULL,
    storyline_id    TEXT,
    sort_at         TIMESTAMPTZ NOT NULL,
    platform        TEXT,
    external_id     TEXT,
    url             TEXT,
    author_handle   TEXT,
    author_name     TEXT,
    text            TEXT,
    lang            TEXT,
    posted_at       TIMESTAMPTZ,
    place_name      TEXT,
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    radius_km       DOUBLE PRECISION,
    media_json      TEXT NOT NULL DEFAULT '[]',
    tags_json       TEXT NOT NULL DEFAULT '[]',
    reasons_json    TEXT NOT NULL DEFAULT '[]',
    signals_json    TEXT NOT NULL DEFAULT '[]',
    signal_types    TEXT NOT NULL DEFAULT '',
    placed_at       TIMESTAMPTZ NOT NULL
);
-- Timeline keyset pages, newest first, per event and per storyline.
CREATE INDEX posts_event_timeline_idx ON posts (event_id, sort_at DESC, id DESC);
CREATE INDEX posts_storyline_timeline_idx ON posts (storyline_id, sort_at DESC, id DESC);

-- The last applied sequence per event: a change at or below it is a duplicate.
CREATE TABLE timeline_progress (
    event_id      TEXT PRIMARY KEY,
    last_sequence BIGINT NOT NULL
);

-- Changes that arrived ahead of a missing one, held until the gap closes.
CREATE TABLE timeline_pending (
    event_id    TEXT NOT NULL,
    sequence    BIGINT NOT NULL,
    payload     TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, sequence)
);

-- Append-only feed of applied changes; id is the SSE id (global, monotonic, assigned under an advisory lock).
CREATE TABLE feed (
    id             BIGINT PRIMARY KEY,
    event_id       TEXT NOT NULL,
    other_event_id TEXT,
    kind           TEXT NOT NULL,
    payload        TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX feed_event_idx ON feed (event_id, id);
CREATE INDEX feed_other_event_idx ON feed (other_event_id, id) WHERE other_event_id IS NOT NULL;
