-- Asserted (not negated) events dated after the day their report was published: a report
-- cannot tell as done what has not happened yet. Rows: event_id, event_date, published_at.
SELECT e.event_id, e.event_date, d.published_at
FROM events e JOIN documents d ON d.doc_id = e.doc_id
WHERE e.doc_id IN (SELECT doc_id FROM check_scope)
  AND e.modality = 'asserted' AND NOT e.is_negated
  AND e.event_date > CAST(d.published_at AS DATE)
