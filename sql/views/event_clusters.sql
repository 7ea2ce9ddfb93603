-- One row per happening: events from different reports that tell the same happening share
-- a cluster (event_cluster_members says which event is in which; sql/derive/ says how they
-- are grouped), with how many reports and publishers told it, when it was first reported,
-- and a representative event (highest confidence, then earliest report). Counts
-- happenings, not event rows: three outlets reporting one bombing are one row here.
-- Syndicated copies of one wire story count once in n_documents; n_reports counts every
-- stored report. fatalities is the largest figure any report gives. Only asserted, not
-- negated, not historical, dated events are clustered.
SELECT
    f.cluster_id,
    f.plover_type,
    f.representative_event_id,
    e.evidence,
    s.name                  AS source_name,
    t.name                  AS target_name,
    f.country_code,
    p.name                  AS place_name,
    f.first_event_date,
    f.last_event_date,
    f.n_events,
    f.n_documents,
    f.n_reports,
    f.n_publishers,
    f.first_reported_at,
    f.fatalities,
    f.injured
FROM cluster_facts f
JOIN events e ON e.event_id = f.representative_event_id
LEFT JOIN actors s ON s.actor_id = e.source_actor_id
LEFT JOIN actors t ON t.actor_id = e.target_actor_id
LEFT JOIN places p ON p.place_id = f.place_id
