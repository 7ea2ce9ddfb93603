-- Events per day, PLOVER type and quad class. Counts event rows that are asserted,
-- not negated and not historical (the analyst's default); undated events are left out.
SELECT
    e.event_date,
    c.plover_type,
    c.quad_class,
    count(*)                         AS events,
    count(DISTINCT e.doc_id)         AS documents,
    sum(coalesce(e.fatalities, 0))   AS fatalities
FROM events e
JOIN event_codes c ON c.event_code = e.event_code
WHERE NOT e.is_negated AND e.modality = 'asserted' AND NOT e.is_historical
  AND e.event_date IS NOT NULL
GROUP BY ALL
