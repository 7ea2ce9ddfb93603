-- Core tables of the warehouse (see CONTRACT.md). Keys are content hashes or seed codes,
-- so re-running the same input changes nothing.

CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR PRIMARY KEY,
    flow_run_id     VARCHAR,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    status          VARCHAR NOT NULL,      -- running, completed, failed
    docs_seen       BIGINT NOT NULL DEFAULT 0,
    docs_new        BIGINT NOT NULL DEFAULT 0,
    docs_rejected   BIGINT NOT NULL DEFAULT 0,
    events_added    BIGINT NOT NULL DEFAULT 0,
    coder_version   VARCHAR,
    sources         VARCHAR,               -- the SOURCE arguments, as given
    message         VARCHAR                -- why a run failed
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id          VARCHAR PRIMARY KEY,   -- sha256 of the normalized text, first 32 hex chars
    external_id     VARCHAR,
    source_uri      VARCHAR NOT NULL,
    url             VARCHAR,
    title           VARCHAR,
    publisher       VARCHAR,
    author          VARCHAR,
    published_at    TIMESTAMP,
    language        VARCHAR,
    text            VARCHAR NOT NULL,
    content_type    VARCHAR NOT NULL,      -- text, html, jsonl
    coder_version   VARCHAR,               -- version that produced this document's events
    ingested_at     TIMESTAMP NOT NULL,
    run_id          VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS sectors (
    sector          VARCHAR PRIMARY KEY,
    description     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS actors (
    actor_id        VARCHAR PRIMARY KEY,
    name            VARCHAR NOT NULL,
    actor_type      VARCHAR NOT NULL,      -- country, organization, person, generic
    country_code    VARCHAR,               -- ISO 3166-1 alpha-3
    sector          VARCHAR,
    is_seeded       BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE IF NOT EXISTS actor_aliases (
    actor_id        VARCHAR NOT NULL,
    alias           VARCHAR NOT NULL,
    is_case_sensitive BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (actor_id, alias)
);

CREATE TABLE IF NOT EXISTS actor_mentions (
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    char_start      INTEGER NOT NULL,      -- offsets into documents.text, end exclusive
    char_end        INTEGER NOT NULL,
    surface         VARCHAR NOT NULL,
    actor_id        VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, char_start, char_end, actor_id)
);

CREATE TABLE IF NOT EXISTS event_codes (
    event_code      VARCHAR PRIMARY KEY,
    plover_type     VARCHAR NOT NULL,
    plover_mode     VARCHAR,
    cameo_code      VARCHAR,
    quad_class      TINYINT NOT NULL,
    goldstein       DOUBLE,
    acled_event_type VARCHAR,
    acled_sub_event_type VARCHAR,
    description     VARCHAR
);

CREATE TABLE IF NOT EXISTS places (
    place_id        VARCHAR PRIMARY KEY,
    name            VARCHAR NOT NULL,
    place_type      VARCHAR NOT NULL,      -- country, admin1, city, site
    country_code    VARCHAR,
    admin1          VARCHAR,
    latitude        DOUBLE,
    longitude       DOUBLE
);

CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY,   -- hash of doc_id, offsets, code and actors
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    char_start      INTEGER NOT NULL,
    char_end        INTEGER NOT NULL,
    evidence        VARCHAR NOT NULL,
    event_code      VARCHAR NOT NULL,
    trigger         VARCHAR,
    event_date      DATE,
    date_precision  VARCHAR,               -- day, month, year, NULL when unresolved
    is_historical   BOOLEAN NOT NULL DEFAULT FALSE,
    is_negated      BOOLEAN NOT NULL DEFAULT FALSE,
    modality        VARCHAR NOT NULL DEFAULT 'asserted',
    fatalities      INTEGER,
    injured         INTEGER,
    place_id        VARCHAR,
    confidence      DOUBLE NOT NULL,
    coder_version   VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS event_actors (
    event_id        VARCHAR NOT NULL,
    actor_id        VARCHAR NOT NULL,
    role            VARCHAR NOT NULL,      -- source, target, claimant
    PRIMARY KEY (event_id, actor_id, role)
);

CREATE TABLE IF NOT EXISTS rejected_inputs (
    source_uri      VARCHAR NOT NULL,
    reason          VARCHAR NOT NULL,      -- a short code: unreadable, empty, bad_json, ...
    detail          VARCHAR,
    run_id          VARCHAR NOT NULL,
    rejected_at     TIMESTAMP NOT NULL
);
