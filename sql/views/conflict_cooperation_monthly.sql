-- A conflict-cooperation index per country pair (source country -> target country) and
-- month: the Goldstein scores (-10 most conflictual ... +10 most cooperative) of the pair's
-- events added up, and their mean. Counts asserted, not negated, not historical, dated
-- event rows whose source and target both have a country (a country acting on itself,
-- e.g. police and protesters of one country, is a pair too).
SELECT
    source_country,
    target_country,
    date_trunc('month', event_date)::DATE                  AS month,
    count(*)                                               AS events,
    count(*) FILTER (WHERE quad_class IN (1, 2))           AS cooperation_events,
    count(*) FILTER (WHERE quad_class IN (3, 4))           AS conflict_events,
    round(sum(goldstein), 1)                               AS goldstein_sum,
    round(avg(goldstein), 2)                               AS goldstein_mean,
    sum(coalesce(fatalities, 0))                           AS fatalities
FROM events_wide
WHERE source_country IS NOT NULL AND target_country IS NOT NULL
  AND event_date IS NOT NULL
  AND NOT is_negated AND modality = 'asserted' AND NOT is_historical
GROUP BY ALL
