-- Events per day, PLOVER type and quad class. Counts event rows that are asserted,
-- not negated and not historical (the analyst's default); undated events are left out.
SELECT
    event_date,
    plover_type,
    quad_class,
    count(*)                         AS events,
    count(DISTINCT doc_id)           AS documents,
    sum(coalesce(fatalities, 0))     AS fatalities
FROM events_wide
WHERE NOT is_negated AND modality = 'asserted' AND NOT is_historical
  AND event_date IS NOT NULL
GROUP BY ALL
