-- Derived data the loader keeps current (sql/derive/): every value here can be recomputed
-- from documents, events and event_actors, and is stored only so that the analysts' views
-- answer fast. A batch's transaction lists its documents in pending_derivation; the end of
-- the run derives them all at once, before the warehouse is published. The data checks
-- verify the result.
CREATE TABLE IF NOT EXISTS pending_derivation (
    doc_id          VARCHAR NOT NULL
);

-- The first source, target and claimant of each event (by actor_id), as events_wide shows
-- them; the full list stays in event_actors.
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_actor_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_actor_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS claimant_actor_id VARCHAR;

-- Which happening each clusterable event belongs to (see sql/derive/020_event_clusters.sql);
-- this was a view before, computed on every query.
DROP VIEW IF EXISTS event_clusters;
DROP VIEW IF EXISTS event_cluster_members;
-- No primary keys here: the loader rewrites these tables in bulk, and an index costs more
-- than the rewrite; sql/checks/unique_keys.sql keeps the keys unique.
CREATE TABLE IF NOT EXISTS event_cluster_members (
    event_id        VARCHAR NOT NULL,
    doc_id          VARCHAR NOT NULL,
    cluster_id      VARCHAR NOT NULL,
    part_key        VARCHAR NOT NULL       -- plover_type|country: clusters never cross it
);

-- One row per happening, summed over its members; the view event_clusters adds names.
CREATE TABLE IF NOT EXISTS cluster_facts (
    cluster_id              VARCHAR NOT NULL,
    part_key                VARCHAR NOT NULL,
    plover_type             VARCHAR NOT NULL,
    country_code            VARCHAR,
    representative_event_id VARCHAR NOT NULL,
    place_id                VARCHAR,
    first_event_date        DATE,
    last_event_date         DATE,
    n_events                BIGINT NOT NULL,
    n_documents             BIGINT NOT NULL,
    n_reports               BIGINT NOT NULL,
    n_publishers            BIGINT NOT NULL,
    first_reported_at       TIMESTAMP,
    fatalities              INTEGER,
    injured                 INTEGER
);
