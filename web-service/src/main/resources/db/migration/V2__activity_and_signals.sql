-- Per-minute post counts per event ('' storyline) and per storyline, for activity charts and peaks.
CREATE TABLE activity (
    event_id     TEXT NOT NULL,
    storyline_id TEXT NOT NULL,
    bucket       TIMESTAMPTZ NOT NULL,
    posts        INTEGER NOT NULL,
    PRIMARY KEY (event_id, storyline_id, bucket)
);

-- Posts carrying each signal type, per event ('' storyline) and per storyline.
CREATE TABLE signal_counts (
    event_id     TEXT NOT NULL,
    storyline_id TEXT NOT NULL,
    type         TEXT NOT NULL,
    posts        INTEGER NOT NULL,
    PRIMARY KEY (event_id, storyline_id, type)
);

-- Filters of the timeline: language within an event.
CREATE INDEX posts_event_lang_idx ON posts (event_id, lang, sort_at DESC, id DESC);
