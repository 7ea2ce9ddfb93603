-- Columns holding a value outside their vocabulary. Rows: column_name, key, value.
SELECT 'event_actors.role' AS column_name, ea.event_id AS key, ea.role AS value
FROM event_actors ea JOIN events e ON e.event_id = ea.event_id
WHERE e.doc_id IN (SELECT doc_id FROM check_scope)
  AND ea.role NOT IN ('source', 'target', 'claimant')
UNION ALL
SELECT 'events.date_precision', event_id, date_precision
FROM events WHERE doc_id IN (SELECT doc_id FROM check_scope)
  AND (date_precision NOT IN ('day', 'month', 'year')
       OR (date_precision IS NULL) <> (event_date IS NULL))
UNION ALL
SELECT 'events.modality', event_id, modality
FROM events WHERE doc_id IN (SELECT doc_id FROM check_scope)
  AND modality NOT IN ('asserted', 'claimed', 'hypothetical', 'future', 'obligation')
UNION ALL
SELECT 'events.date_source', event_id, date_source
FROM events WHERE doc_id IN (SELECT doc_id FROM check_scope)
  AND (date_source NOT IN ('text', 'publication') OR (date_source IS NULL) <> (event_date IS NULL))
UNION ALL
SELECT 'events.place_source', event_id, place_source
FROM events WHERE doc_id IN (SELECT doc_id FROM check_scope)
  AND (place_source NOT IN ('sentence', 'document', 'publisher', 'corpus')
       OR (place_source IS NULL) <> (place_id IS NULL))
UNION ALL
SELECT 'events.confidence', event_id, CAST(confidence AS VARCHAR)
FROM events WHERE doc_id IN (SELECT doc_id FROM check_scope)
  AND NOT (confidence BETWEEN 0 AND 1)
UNION ALL
SELECT 'event_codes.quad_class', event_code, CAST(quad_class AS VARCHAR)
FROM event_codes WHERE quad_class NOT IN (1, 2, 3, 4)
UNION ALL
SELECT 'places.place_type', place_id, place_type
FROM places WHERE place_type NOT IN ('country', 'admin1', 'city', 'site')
