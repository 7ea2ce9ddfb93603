-- Offsets that do not point at the text they claim (end exclusive, in characters).
-- Rows: what, key, char_start, char_end.
SELECT 'events.evidence' AS what, e.event_id AS key, e.char_start, e.char_end
FROM events e JOIN documents d ON d.doc_id = e.doc_id
WHERE e.doc_id IN (SELECT doc_id FROM check_scope)
  AND (e.char_start < 0 OR e.char_end < e.char_start OR e.char_end > length(d.text)
       OR substring(d.text, e.char_start + 1, e.char_end - e.char_start) <> e.evidence)
UNION ALL
SELECT 'actor_mentions.surface', m.doc_id, m.char_start, m.char_end
FROM actor_mentions m JOIN documents d ON d.doc_id = m.doc_id
WHERE m.doc_id IN (SELECT doc_id FROM check_scope)
  AND (m.char_start < 0 OR m.char_end < m.char_start OR m.char_end > length(d.text)
       OR substring(d.text, m.char_start + 1, m.char_end - m.char_start) <> m.surface)
