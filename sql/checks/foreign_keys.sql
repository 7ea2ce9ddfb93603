-- References to rows that do not exist. Rows: relation, key, missing.
SELECT 'events.doc_id -> documents' AS relation, e.event_id AS key, e.doc_id AS missing
FROM events e
WHERE e.doc_id IN (SELECT doc_id FROM check_scope)
  AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = e.doc_id)
UNION ALL
SELECT 'events.event_code -> event_codes', e.event_id, e.event_code
FROM events e
WHERE e.doc_id IN (SELECT doc_id FROM check_scope)
  AND NOT EXISTS (SELECT 1 FROM event_codes c WHERE c.event_code = e.event_code)
UNION ALL
SELECT 'events.place_id -> places', e.event_id, e.place_id
FROM events e
WHERE e.doc_id IN (SELECT doc_id FROM check_scope) AND e.place_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM places p WHERE p.place_id = e.place_id)
UNION ALL
SELECT 'event_actors.actor_id -> actors', ea.event_id, ea.actor_id
FROM event_actors ea
JOIN events e ON e.event_id = ea.event_id
WHERE e.doc_id IN (SELECT doc_id FROM check_scope)
  AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.actor_id = ea.actor_id)
UNION ALL
SELECT 'event_actors.event_id -> events', ea.event_id, ea.event_id
FROM event_actors ea
WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = ea.event_id)
UNION ALL
SELECT 'actor_mentions.actor_id -> actors', m.doc_id, m.actor_id
FROM actor_mentions m
WHERE m.doc_id IN (SELECT doc_id FROM check_scope)
  AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.actor_id = m.actor_id)
UNION ALL
SELECT 'actor_mentions.doc_id -> documents', m.doc_id, m.doc_id
FROM actor_mentions m
WHERE m.doc_id IN (SELECT doc_id FROM check_scope)
  AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = m.doc_id)
