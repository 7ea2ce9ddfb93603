-- Per actor: events as source, as target and as claimant (asserted, not negated, not
-- historical event rows), with first and last event dates.
SELECT
    a.actor_id,
    a.name,
    a.actor_type,
    a.country_code,
    a.sector,
    count(*) FILTER (WHERE ea.role = 'source')    AS events_as_source,
    count(*) FILTER (WHERE ea.role = 'target')    AS events_as_target,
    count(*) FILTER (WHERE ea.role = 'claimant')  AS events_claimed,
    min(e.event_date)                             AS first_event_date,
    max(e.event_date)                             AS last_event_date
FROM event_actors ea
JOIN events e ON e.event_id = ea.event_id
JOIN actors a ON a.actor_id = ea.actor_id
WHERE NOT e.is_negated AND e.modality = 'asserted' AND NOT e.is_historical
GROUP BY ALL
