-- Reported deaths per country (of the event's place, else its target, else its source)
-- and month. Counts asserted, not negated, not historical, dated event rows.
SELECT
    coalesce(place_country, target_country, source_country) AS country_code,
    date_trunc('month', event_date)::DATE                    AS month,
    count(*)                                                 AS events,
    sum(coalesce(fatalities, 0))                             AS fatalities,
    sum(coalesce(injured, 0))                                AS injured
FROM events_wide
WHERE event_date IS NOT NULL
  AND NOT is_negated AND modality = 'asserted' AND NOT is_historical
GROUP BY ALL
