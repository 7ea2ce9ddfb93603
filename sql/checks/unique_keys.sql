-- Keys stored more than once. Rows: table_name, key, copies.
SELECT 'documents' AS table_name, doc_id AS key, count(*) AS copies
FROM documents WHERE doc_id IN (SELECT doc_id FROM check_scope)
GROUP BY doc_id HAVING count(*) > 1
UNION ALL
SELECT 'events', event_id, count(*)
FROM events WHERE doc_id IN (SELECT doc_id FROM check_scope)
GROUP BY event_id HAVING count(*) > 1
UNION ALL
SELECT 'event_actors', concat_ws('/', event_id, actor_id, role), count(*)
FROM event_actors
WHERE event_id IN (SELECT event_id FROM events WHERE doc_id IN (SELECT doc_id FROM check_scope))
GROUP BY event_id, actor_id, role HAVING count(*) > 1
UNION ALL
SELECT 'actor_mentions', concat_ws('/', doc_id, char_start, char_end, actor_id), count(*)
FROM actor_mentions WHERE doc_id IN (SELECT doc_id FROM check_scope)
GROUP BY doc_id, char_start, char_end, actor_id HAVING count(*) > 1
UNION ALL
SELECT 'actors', actor_id, count(*) FROM actors GROUP BY actor_id HAVING count(*) > 1
UNION ALL
SELECT 'places', place_id, count(*) FROM places GROUP BY place_id HAVING count(*) > 1
UNION ALL
SELECT 'event_codes', event_code, count(*) FROM event_codes GROUP BY event_code HAVING count(*) > 1
UNION ALL
SELECT 'event_cluster_members', event_id, count(*)
FROM event_cluster_members WHERE doc_id IN (SELECT doc_id FROM check_scope)
GROUP BY event_id HAVING count(*) > 1
UNION ALL
SELECT 'cluster_facts', f.cluster_id, count(*)
FROM cluster_facts f
WHERE f.cluster_id IN (SELECT cluster_id FROM event_cluster_members
                       WHERE doc_id IN (SELECT doc_id FROM check_scope))
GROUP BY f.cluster_id HAVING count(*) > 1
