-- event_cluster_members and cluster_facts: which events from different reports tell the
-- same happening, recomputed for every partition (PLOVER type and country) that the
-- documents in derive_scope had or have events in. Clusters never cross partitions, so the
-- rest of the warehouse keeps its clusters unchanged.
--
-- Only asserted, not negated, not historical, dated events are clustered. Same happening =
-- same PLOVER type, same country (of the place, else the target, else the source), the same
-- named place and the same named source actor where both reports name one, and dates
-- chained within a day of each other. An event that names no place (or only a generic
-- source, "gunmen") joins the one more specific cluster it fits; when it fits several, or
-- none, it stays a cluster of its own. Events with no country are never merged.

CREATE OR REPLACE TEMP TABLE derive_clusterable AS
SELECT
    e.event_id,
    e.doc_id,
    e.event_date,
    e.confidence,
    e.fatalities,
    e.injured,
    e.evidence,
    e.place_id,
    p.place_type,
    d.publisher,
    d.published_at,
    c.plover_type,
    coalesce(p.country_code, t.country_code, s.country_code)  AS country_code,
    CASE WHEN p.place_type <> 'country' THEN e.place_id END     AS named_place,
    CASE WHEN s.actor_type <> 'generic' THEN s.actor_id END     AS named_source,
    c.plover_type || '|' || coalesce(p.country_code, t.country_code, s.country_code,
                                     '#' || e.event_id)         AS part_key
FROM events e
JOIN event_codes c ON c.event_code = e.event_code
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN places p ON p.place_id = e.place_id
LEFT JOIN actors s ON s.actor_id = e.source_actor_id
LEFT JOIN actors t ON t.actor_id = e.target_actor_id
WHERE NOT e.is_negated AND e.modality = 'asserted' AND NOT e.is_historical
  AND e.event_date IS NOT NULL;

CREATE OR REPLACE TEMP TABLE derive_parts AS
SELECT part_key FROM event_cluster_members
WHERE doc_id IN (SELECT doc_id FROM derive_scope)
UNION
SELECT part_key FROM derive_clusterable
WHERE doc_id IN (SELECT doc_id FROM derive_scope);

DELETE FROM derive_clusterable WHERE part_key NOT IN (SELECT part_key FROM derive_parts);
DELETE FROM event_cluster_members WHERE part_key IN (SELECT part_key FROM derive_parts);
DELETE FROM cluster_facts WHERE part_key IN (SELECT part_key FROM derive_parts);

CREATE OR REPLACE TEMP TABLE derive_members AS
WITH keyed AS (
    SELECT
        *,
        CASE
            WHEN country_code IS NULL THEN event_id
            ELSE concat_ws('|', plover_type, country_code, coalesce(named_place, '*'),
                           coalesce(named_source, '*'))
        END AS island_key
    FROM derive_clusterable
),
gaps AS (
    SELECT
        *,
        CASE
            WHEN event_date - lag(event_date) OVER (
                PARTITION BY island_key ORDER BY event_date, event_id
            ) <= 1 THEN 0
            ELSE 1
        END AS starts_island
    FROM keyed
),
own AS (
    SELECT
        *,
        md5(island_key || '#' || sum(starts_island) OVER (
            PARTITION BY island_key ORDER BY event_date, event_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        )) AS own_cluster
    FROM gaps
),
islands AS (
    SELECT
        own_cluster,
        any_value(part_key)     AS part_key,
        any_value(named_place)  AS named_place,
        any_value(named_source) AS named_source,
        min(event_date)         AS first_date,
        max(event_date)         AS last_date
    FROM own
    WHERE country_code IS NOT NULL
    GROUP BY own_cluster
),
island_days AS (  -- each island on every day it reaches (its dates, one day either side)
    SELECT *, unnest(generate_series(first_date - 1, last_date + 1, INTERVAL 1 DAY))::DATE AS day
    FROM islands
),
fits AS (  -- vague events and the more specific islands they fit
    SELECT o.event_id, min(i.own_cluster) AS cluster, count(*) AS candidates
    FROM own o
    JOIN island_days i
      ON i.part_key = o.part_key
     AND i.day = o.event_date
     AND (o.named_place IS NULL OR i.named_place = o.named_place)
     AND (o.named_source IS NULL OR i.named_source = o.named_source)
     AND ((o.named_place IS NULL AND i.named_place IS NOT NULL)
          OR (o.named_source IS NULL AND i.named_source IS NOT NULL))
    WHERE o.country_code IS NOT NULL
      AND (o.named_place IS NULL OR o.named_source IS NULL)
    GROUP BY o.event_id
)
SELECT
    CASE WHEN f.candidates = 1 THEN f.cluster ELSE o.own_cluster END AS cluster_id,
    o.* EXCLUDE (island_key, starts_island, own_cluster)
FROM own o
LEFT JOIN fits f ON f.event_id = o.event_id;

INSERT INTO event_cluster_members (event_id, doc_id, cluster_id, part_key)
SELECT event_id, doc_id, cluster_id, part_key FROM derive_members;

-- Syndicated copies of one wire story (reports whose sentence about the happening is the
-- same text) count once in n_documents; n_reports counts every stored report. The
-- representative is the most confident member, then the earliest report. fatalities is
-- the largest figure any report gives (reports of one happening are not added up).
INSERT INTO cluster_facts
WITH per_report AS (
    SELECT
        cluster_id,
        doc_id,
        any_value(publisher)                                          AS publisher,
        min(hash(lower(regexp_replace(evidence, '\s+', ' ', 'g'))))   AS story
    FROM derive_members
    GROUP BY cluster_id, doc_id
),
reports AS (
    SELECT
        cluster_id,
        count(*)                   AS n_reports,
        count(DISTINCT story)      AS n_documents,
        count(DISTINCT publisher)  AS n_publishers
    FROM per_report
    GROUP BY cluster_id
)
SELECT
    m.cluster_id,
    any_value(m.part_key),
    any_value(m.plover_type),
    any_value(m.country_code),
    arg_min(m.event_id, row(-m.confidence, m.published_at, m.event_id)),
    arg_min(m.place_id, row(m.place_type = 'country', -m.confidence, m.event_id))
        FILTER (WHERE m.place_id IS NOT NULL),
    min(m.event_date),
    max(m.event_date),
    count(*),
    any_value(r.n_documents),
    any_value(r.n_reports),
    any_value(r.n_publishers),
    min(m.published_at),
    max(m.fatalities),
    max(m.injured)
FROM derive_members m
JOIN reports r ON r.cluster_id = m.cluster_id
GROUP BY m.cluster_id;

DROP TABLE derive_clusterable;
DROP TABLE derive_members;
DROP TABLE derive_parts;
