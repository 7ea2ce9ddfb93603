-- Who claimed which attack: one row per (claimant, event), with the event's date, place,
-- deaths and the perpetrator the text names (its source). Every claim is listed, whatever
-- the event's flags.
WITH claimed AS (
    SELECT ea.event_id, ea.actor_id FROM event_actors ea WHERE ea.role = 'claimant'
)
SELECT
    c.actor_id       AS claimant_actor_id,
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
FROM claimed c
JOIN actors a ON a.actor_id = c.actor_id
JOIN events_wide w ON w.event_id = c.event_id
