-- One row per event with its codes in every ontology, actors, place and provenance.
-- Counts nothing; filter on is_negated / modality / is_historical as needed. Where an
-- event has several sources (or targets), the first by actor_id is shown here (the
-- loader keeps it in events.source_actor_id...); the full list is in event_actors.
SELECT
    e.event_id,
    e.event_date,
    e.date_precision,
    e.date_source,
    e.place_source,
    e.event_code,
    c.plover_type,
    c.plover_mode,
    c.cameo_code,
    c.quad_class,
    c.goldstein,
    c.acled_event_type,
    c.acled_sub_event_type,
    e.source_actor_id,
    s.name          AS source_name,
    s.country_code  AS source_country,
    s.sector        AS source_sector,
    e.target_actor_id,
    t.name          AS target_name,
    t.country_code  AS target_country,
    t.sector        AS target_sector,
    e.claimant_actor_id,
    cl.name         AS claimant_name,
    e.place_id,
    p.name          AS place_name,
    p.place_type,
    p.country_code  AS place_country,
    p.latitude,
    p.longitude,
    e.fatalities,
    e.injured,
    e.is_negated,
    e.is_historical,
    e.modality,
    e.confidence,
    e.trigger,
    e.evidence,
    e.char_start,
    e.char_end,
    e.doc_id,
    d.publisher,
    d.url,
    d.title,
    d.published_at,
    e.coder_version
FROM events e
JOIN event_codes c ON c.event_code = e.event_code
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN actors s ON s.actor_id = e.source_actor_id
LEFT JOIN actors t ON t.actor_id = e.target_actor_id
LEFT JOIN actors cl ON cl.actor_id = e.claimant_actor_id
LEFT JOIN places p ON p.place_id = e.place_id
