-- Each post keeps its API JSON, rendered once when it is placed (without eventId, which a merge changes and the page
-- adds), so a timeline page is one index scan returning ready JSON. The columns that only fed that rendering go;
-- what the filters need stays (storyline, lang, signal types, and the searched text, author and place).
ALTER TABLE posts ADD COLUMN api_json TEXT;

-- An Instant as Jackson writes it (ISO-8601, UTC, fraction in groups of three digits, none when zero).
CREATE FUNCTION pg_temp.iso_instant(t TIMESTAMPTZ) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || CASE WHEN extract(microseconds FROM t)::BIGINT % 1000000 = 0 THEN ''
                WHEN extract(microseconds FROM t)::BIGINT % 1000 = 0 THEN to_char(t AT TIME ZONE 'UTC', '.MS')
                ELSE to_char(t AT TIME ZONE 'UTC', '.US') END
        || 'Z'
$$;

UPDATE posts SET api_json = json_strip_nulls(json_build_object(
    'id', id,
    'storylineId', storyline_id,
    'platform', platform,
    'externalId', external_id,
    'url', url,
    'author', CASE WHEN author_handle IS NULL AND author_name IS NULL THEN NULL
                   ELSE json_build_object('handle', author_handle, 'displayName', author_name) END,
    'text', text,
    'lang', lang,
    'postedAt', CASE WHEN posted_at IS NULL THEN NULL ELSE pg_temp.iso_instant(posted_at) END,
    'place', CASE WHEN place_name IS NULL AND lat IS NULL AND lon IS NULL THEN NULL
                  ELSE json_build_object('name', place_name, 'lat', lat, 'lon', lon, 'radiusKm', radius_km) END,
    'media', media_json::json,
    'tags', tags_json::json,
    'reasons', reasons_json::json,
    'signals', signals_json::json))::text;

ALTER TABLE posts ALTER COLUMN api_json SET NOT NULL;
ALTER TABLE posts DROP COLUMN platform, DROP COLUMN external_id, DROP COLUMN url, DROP COLUMN posted_at,
    DROP COLUMN lat, DROP COLUMN lon, DROP COLUMN radius_km, DROP COLUMN media_json, DROP COLUMN tags_json,
    DROP COLUMN reasons_json, DROP COLUMN signals_json, DROP COLUMN placed_at;

-- The feed id of the last change that altered an event's posts (placed, moved away, merged in or out): the ETag
-- of its timeline pages. 0 until a post of it is written.
ALTER TABLE events ADD COLUMN posts_version BIGINT NOT NULL DEFAULT 0;

-- A post or feed row is 1-3 KB of JSON: kept inline and uncompressed up to a page, instead of compressed with pglz
-- (and moved to the TOAST table) on every insert once a row passes 2 KB.
ALTER TABLE posts SET (toast_tuple_target = 8160);
ALTER TABLE feed SET (toast_tuple_target = 8160);
