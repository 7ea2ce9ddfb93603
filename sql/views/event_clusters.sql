-- One row per happening (see event_cluster_members for how events are grouped): how many
-- reports and publishers told it, when it was first reported, and a representative event
-- (highest confidence, then earliest report). Counts happenings, not event rows: three
-- outlets reporting one bombing are one row here. Syndicated copies of one wire story
-- (reports whose sentence about the happening is the same text) count once in
-- n_documents; n_reports counts every stored report. fatalities is the largest figure
-- any report gives (reports of one happening are not added up).
WITH members AS (
    SELECT m.cluster_id, w.*
    FROM event_cluster_members m
    JOIN events_wide w ON w.event_id = m.event_id
),
stories AS (  -- one story per report in a cluster: copies share their sentence's text
    SELECT
        cluster_id,
        doc_id,
        min(md5(lower(regexp_replace(evidence, '\s+', ' ', 'g')))) AS story
    FROM members
    GROUP BY cluster_id, doc_id
),
story_counts AS (
    SELECT cluster_id, count(DISTINCT story) AS n_documents FROM stories GROUP BY cluster_id
)
SELECT
    m.cluster_id,
    any_value(m.plover_type)                                          AS plover_type,
    first(m.event_id ORDER BY m.confidence DESC, m.published_at, m.event_id)
                                                                      AS representative_event_id,
    first(m.evidence ORDER BY m.confidence DESC, m.published_at, m.event_id) AS evidence,
    first(m.source_name ORDER BY m.confidence DESC, m.published_at, m.event_id)
                                                                      AS source_name,
    first(m.target_name ORDER BY m.confidence DESC, m.published_at, m.event_id)
                                                                      AS target_name,
    coalesce(any_value(m.place_country), any_value(m.target_country),
             any_value(m.source_country))                             AS country_code,
    first(m.place_name ORDER BY m.place_type = 'country', m.confidence DESC)
                                                                      AS place_name,
    min(m.event_date)                                                 AS first_event_date,
    max(m.event_date)                                                 AS last_event_date,
    count(*)                                                          AS n_events,
    any_value(s.n_documents)                                          AS n_documents,
    count(DISTINCT m.doc_id)                                          AS n_reports,
    count(DISTINCT m.publisher)                                       AS n_publishers,
    min(m.published_at)                                               AS first_reported_at,
    max(m.fatalities)                                                 AS fatalities,
    max(m.injured)                                                    AS injured
FROM members m
JOIN story_counts s ON s.cluster_id = m.cluster_id
GROUP BY m.cluster_id
