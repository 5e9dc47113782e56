-- What ingest accepted: one row per post id, written in batches after the broker acknowledged the record.
create table post_log (
    id              varchar(36)  primary key,
    platform        varchar(32)  not null,
    external_id     varchar(256) not null,
    posted_at       timestamp(6) with time zone not null,
    accepted_at     timestamp(6) with time zone not null,
    idempotency_key varchar(255),
    request_hash    varchar(64)  not null,
    record          text         not null
);

create unique index post_log_idempotency_key on post_log (idempotency_key) where idempotency_key is not null;
create index post_log_accepted_at on post_log (accepted_at);
