-- Offsets that do not point at the text they claim (end exclusive, in characters).
-- Rows: what, key, char_start, char_end.
-- substring() walks a non-ASCII text from its start, so checking each span against the
-- whole text costs (spans x text length): 20 s for 30,000 mentions in a 1 MB text. Each span
-- is read instead from the 16,384-character chunk that starts at the multiple of 8,192 at or
-- before it (chunks overlap by half, so a span up to 8,192 characters long lies in one);
-- a longer span is read from the whole text.
WITH scoped AS (
    SELECT doc_id, text, length(text) AS n_chars
    FROM documents
    WHERE doc_id IN (SELECT doc_id FROM check_scope)
), chunks AS (
    SELECT doc_id, chunk_start, substring(text, chunk_start + 1, 16384) AS chunk
    FROM (SELECT doc_id, text, unnest(range(0, n_chars, 8192)) AS chunk_start FROM scoped)
), spans AS (
    SELECT 'events.evidence' AS what, event_id AS key, doc_id, char_start, char_end,
           evidence AS claimed
    FROM events
    WHERE doc_id IN (SELECT doc_id FROM check_scope)
    UNION ALL
    SELECT 'actor_mentions.surface', doc_id, doc_id, char_start, char_end, surface
    FROM actor_mentions
    WHERE doc_id IN (SELECT doc_id FROM check_scope)
)
SELECT s.what, s.key, s.char_start, s.char_end
FROM spans s
JOIN scoped d ON d.doc_id = s.doc_id
LEFT JOIN chunks c ON c.doc_id = s.doc_id AND c.chunk_start = s.char_start // 8192 * 8192
WHERE s.char_start < 0 OR s.char_end < s.char_start OR s.char_end > d.n_chars
   OR s.claimed <> CASE
        WHEN s.char_end - s.char_start <= 8192
        THEN substring(c.chunk, s.char_start - c.chunk_start + 1, s.char_end - s.char_start)
        ELSE substring(d.text, s.char_start + 1, s.char_end - s.char_start)
      END
