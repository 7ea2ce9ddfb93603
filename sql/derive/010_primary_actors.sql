-- events.source_actor_id, target_actor_id, claimant_actor_id: the first actor of each role
-- (by actor_id) in event_actors, for the events of the documents in derive_scope.
UPDATE events
SET source_actor_id = r.source_actor_id,
    target_actor_id = r.target_actor_id,
    claimant_actor_id = r.claimant_actor_id
FROM (
    SELECT
        e.event_id,
        min(ea.actor_id) FILTER (WHERE ea.role = 'source')    AS source_actor_id,
        min(ea.actor_id) FILTER (WHERE ea.role = 'target')    AS target_actor_id,
        min(ea.actor_id) FILTER (WHERE ea.role = 'claimant')  AS claimant_actor_id
    FROM events e
    LEFT JOIN event_actors ea ON ea.event_id = e.event_id
    WHERE e.doc_id IN (SELECT doc_id FROM derive_scope)
    GROUP BY e.event_id
) r
WHERE events.event_id = r.event_id;
