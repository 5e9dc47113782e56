-- Images uploaded to ingest: their fingerprints; the bytes live on disk under claimline.media.dir.
create table media (
    sha256          varchar(64)  primary key,
    mime            varchar(32)  not null,
    size_bytes      bigint       not null,
    width           integer      not null,
    height          integer      not null,
    perceptual_hash varchar(16),
    taken_at        timestamp(6) with time zone,
    gps_lat         double precision,
    gps_lon         double precision,
    camera          varchar(200),
    served_mime     varchar(32)  not null,
    thumbnail_mime  varchar(32)  not null,
    uploaded_at     timestamp(6) with time zone not null
);
