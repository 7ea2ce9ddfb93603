-- Negative counts of dead or injured. Rows: event_id, fatalities, injured.
SELECT event_id, fatalities, injured
FROM events
WHERE doc_id IN (SELECT doc_id FROM check_scope)
  AND (fatalities < 0 OR injured < 0)
