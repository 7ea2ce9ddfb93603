-- The actor network as an edge list: one row per pair of actors that acted on each other
-- (either direction; actor_a < actor_b), every role of every event counted (all sources
-- and targets in event_actors, not only the first). weight = source -> target links
-- between the pair (an event where each acted on the other gives two); conflict and
-- cooperation split them by quad class. Counts asserted, not negated, not historical
-- event rows.
WITH counted AS (
    SELECT e.event_id, e.event_date, c.quad_class, c.goldstein
    FROM events e
    JOIN event_codes c ON c.event_code = e.event_code
    WHERE NOT e.is_negated AND e.modality = 'asserted' AND NOT e.is_historical
),
sources AS (SELECT event_id, actor_id FROM event_actors WHERE role = 'source'),
targets AS (SELECT event_id, actor_id FROM event_actors WHERE role = 'target'),
links AS (
    SELECT
        least(s.actor_id, t.actor_id)     AS actor_a,
        greatest(s.actor_id, t.actor_id)  AS actor_b,
        e.*
    FROM counted e
    JOIN sources s ON s.event_id = e.event_id
    JOIN targets t ON t.event_id = e.event_id
    WHERE s.actor_id <> t.actor_id
),
edges AS (
    SELECT
        actor_a,
        actor_b,
        count(*)                                          AS weight,
        count(*) FILTER (WHERE quad_class IN (1, 2))      AS cooperation,
        count(*) FILTER (WHERE quad_class IN (3, 4))      AS conflict,
        round(avg(goldstein), 2)                          AS mean_goldstein,
        min(event_date)                                   AS first_event_date,
        max(event_date)                                   AS last_event_date
    FROM links
    GROUP BY actor_a, actor_b
)
SELECT
    g.actor_a,
    a.name  AS name_a,
    g.actor_b,
    b.name  AS name_b,
    g.weight,
    g.cooperation,
    g.conflict,
    g.mean_goldstein,
    g.first_event_date,
    g.last_event_date
FROM edges g
JOIN actors a ON a.actor_id = g.actor_a
JOIN actors b ON b.actor_id = g.actor_b
