-- Source -> target pairs: event rows by quad class, mean Goldstein, fatalities and dates.
-- Counts asserted, not negated, not historical event rows.
SELECT
    source_actor_id,
    any_value(source_name)                        AS source_name,
    target_actor_id,
    any_value(target_name)                        AS target_name,
    count(*)                                      AS events,
    count(*) FILTER (WHERE quad_class = 1)        AS verbal_cooperation,
    count(*) FILTER (WHERE quad_class = 2)        AS material_cooperation,
    count(*) FILTER (WHERE quad_class = 3)        AS verbal_conflict,
    count(*) FILTER (WHERE quad_class = 4)        AS material_conflict,
    round(avg(goldstein), 2)                      AS mean_goldstein,
    sum(coalesce(fatalities, 0))                  AS fatalities,
    min(event_date)                               AS first_event_date,
    max(event_date)                               AS last_event_date
FROM events_wide
WHERE source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL
  AND NOT is_negated AND modality = 'asserted' AND NOT is_historical
GROUP BY source_actor_id, target_actor_id
