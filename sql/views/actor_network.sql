-- The actor network as an edge list: one row per pair of actors that acted on each other
-- (either direction; actor_a < actor_b), every role of every event counted (all sources
-- and targets in event_actors, not only the first). weight = events linking the pair;
-- conflict and cooperation split it by quad class. Counts asserted, not negated, not
-- historical event rows.
WITH pairs AS (
    SELECT
        least(s.actor_id, t.actor_id)     AS actor_a,
        greatest(s.actor_id, t.actor_id)  AS actor_b,
        e.event_id,
        e.event_date,
        e.fatalities,
        c.quad_class,
        c.goldstein
    FROM events e
    JOIN event_codes c ON c.event_code = e.event_code
    JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'source'
    JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'target'
    WHERE s.actor_id <> t.actor_id
      AND NOT e.is_negated AND e.modality = 'asserted' AND NOT e.is_historical
)
SELECT
    p.actor_a,
    a.name                                              AS name_a,
    p.actor_b,
    b.name                                              AS name_b,
    count(DISTINCT p.event_id)                          AS weight,
    count(DISTINCT p.event_id) FILTER (WHERE p.quad_class IN (1, 2)) AS cooperation,
    count(DISTINCT p.event_id) FILTER (WHERE p.quad_class IN (3, 4)) AS conflict,
    round(avg(p.goldstein), 2)                          AS mean_goldstein,
    min(p.event_date)                                   AS first_event_date,
    max(p.event_date)                                   AS last_event_date
FROM pairs p
JOIN actors a ON a.actor_id = p.actor_a
JOIN actors b ON b.actor_id = p.actor_b
GROUP BY ALL
