-- Which happening each event belongs to: events from different reports that tell the
-- same happening share a cluster_id. Only asserted, not negated, not historical, dated
-- events are clustered (the others have no row here).
--
-- Same happening = same PLOVER type, same country (of the place, else the target, else the
-- source), the same named place and the same named source actor where both reports name
-- one, and dates chained within a day of each other. An event that names no place (or
-- only a generic source, "gunmen") joins the one more specific cluster it fits; when it
-- fits several, or none, it stays a cluster of its own. Events with no country at all are
-- never merged.
WITH base AS (
    SELECT
        event_id,
        doc_id,
        event_date,
        plover_type,
        coalesce(place_country, target_country, source_country) AS country_code,
        CASE WHEN place_type <> 'country' THEN place_id END AS named_place,
        CASE
            WHEN NOT regexp_full_match(source_actor_id, '[A-Z]{3}\.[A-Z]{3}')
            THEN source_actor_id
        END AS named_source
    FROM events_wide
    WHERE NOT is_negated AND modality = 'asserted' AND NOT is_historical
      AND event_date IS NOT NULL
),
keyed AS (
    SELECT
        *,
        CASE
            WHEN country_code IS NULL THEN event_id
            ELSE concat_ws('|', plover_type, country_code, coalesce(named_place, '*'),
                           coalesce(named_source, '*'))
        END AS island_key
    FROM base
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
numbered AS (
    SELECT
        *,
        sum(starts_island) OVER (
            PARTITION BY island_key ORDER BY event_date, event_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS island_seq
    FROM gaps
),
own AS (
    SELECT *, md5(island_key || '#' || island_seq) AS own_cluster FROM numbered
),
clusters AS (
    SELECT
        own_cluster,
        any_value(plover_type)  AS plover_type,
        any_value(country_code) AS country_code,
        any_value(named_place)  AS named_place,
        any_value(named_source) AS named_source,
        min(event_date)         AS first_date,
        max(event_date)         AS last_date
    FROM own
    WHERE country_code IS NOT NULL
    GROUP BY own_cluster
),
fits AS (  -- vague events and the more specific clusters they fit
    SELECT o.event_id, min(c.own_cluster) AS cluster, count(*) AS candidates
    FROM own o
    JOIN clusters c
      ON c.plover_type = o.plover_type
     AND c.country_code = o.country_code
     AND o.event_date BETWEEN c.first_date - 1 AND c.last_date + 1
     AND (o.named_place IS NULL OR c.named_place = o.named_place)
     AND (o.named_source IS NULL OR c.named_source = o.named_source)
     AND ((o.named_place IS NULL AND c.named_place IS NOT NULL)
          OR (o.named_source IS NULL AND c.named_source IS NOT NULL))
    WHERE o.named_place IS NULL OR o.named_source IS NULL
    GROUP BY o.event_id
)
SELECT
    o.event_id,
    o.doc_id,
    CASE WHEN f.candidates = 1 THEN f.cluster ELSE o.own_cluster END AS cluster_id
FROM own o
LEFT JOIN fits f ON f.event_id = o.event_id
