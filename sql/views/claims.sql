-- Who claimed which attack: one row per (claimant, event), with the event's date, place,
-- deaths and the perpetrator the text names (its source).
SELECT
    ea.actor_id      AS claimant_actor_id,
    a.name           AS claimant_name,
    w.event_id,
    w.event_date,
    w.plover_type,
    w.acled_event_type,
    w.source_actor_id,
    w.source_name,
    w.place_name,
    w.place_country,
    w.fatalities,
    w.evidence,
    w.publisher,
    w.url
FROM event_actors ea
JOIN actors a ON a.actor_id = ea.actor_id
JOIN events_wide w ON w.event_id = ea.event_id
WHERE ea.role = 'claimant'
