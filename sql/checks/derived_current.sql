-- Derived data (sql/derive/) that disagrees with the rows it is derived from, for the
-- documents not waiting in pending_derivation (the end of the run derives those). Rows:
-- problem, key.
WITH derived_scope AS (
    SELECT doc_id FROM check_scope
    WHERE doc_id NOT IN (SELECT doc_id FROM pending_derivation)
),
scoped AS (
    SELECT e.* FROM events e WHERE e.doc_id IN (SELECT doc_id FROM derived_scope)
),
first_roles AS (
    SELECT
        s.event_id,
        min(ea.actor_id) FILTER (WHERE ea.role = 'source')    AS source_actor_id,
        min(ea.actor_id) FILTER (WHERE ea.role = 'target')    AS target_actor_id,
        min(ea.actor_id) FILTER (WHERE ea.role = 'claimant')  AS claimant_actor_id
    FROM scoped s
    LEFT JOIN event_actors ea ON ea.event_id = s.event_id
    GROUP BY s.event_id
)
SELECT 'events.*_actor_id is not the first actor of its role' AS problem, s.event_id AS key
FROM scoped s
JOIN first_roles r ON r.event_id = s.event_id
WHERE s.source_actor_id IS DISTINCT FROM r.source_actor_id
   OR s.target_actor_id IS DISTINCT FROM r.target_actor_id
   OR s.claimant_actor_id IS DISTINCT FROM r.claimant_actor_id
UNION ALL
SELECT 'clusterable event without a cluster', s.event_id
FROM scoped s
WHERE NOT s.is_negated AND s.modality = 'asserted' AND NOT s.is_historical
  AND s.event_date IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM event_cluster_members m WHERE m.event_id = s.event_id)
UNION ALL
SELECT 'cluster member that is not a clusterable event', m.event_id
FROM event_cluster_members m
LEFT JOIN events e ON e.event_id = m.event_id
WHERE m.doc_id IN (SELECT doc_id FROM derived_scope)
  AND (e.event_id IS NULL OR e.is_negated OR e.modality <> 'asserted' OR e.is_historical
       OR e.event_date IS NULL)
UNION ALL
SELECT 'cluster without facts', m.cluster_id
FROM event_cluster_members m
WHERE m.doc_id IN (SELECT doc_id FROM derived_scope)
  AND NOT EXISTS (SELECT 1 FROM cluster_facts f WHERE f.cluster_id = m.cluster_id)
UNION ALL
SELECT 'cluster facts whose count disagrees with the members', f.cluster_id
FROM cluster_facts f
JOIN (SELECT cluster_id, count(*) AS n FROM event_cluster_members GROUP BY cluster_id) c
  ON c.cluster_id = f.cluster_id
WHERE f.n_events <> c.n
  AND f.cluster_id IN (SELECT cluster_id FROM event_cluster_members
                       WHERE doc_id IN (SELECT doc_id FROM derived_scope))
