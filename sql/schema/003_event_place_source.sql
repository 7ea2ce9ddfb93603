-- Where an event's place comes from: 'sentence' (named in the event's own sentence),
-- 'document' (named elsewhere in the report), 'publisher' (the publisher's home country,
-- when the report names no place) or 'corpus' (the country nearly every report of the
-- batch is about, when neither the report nor its publisher tells one). NULL when unplaced.
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_source VARCHAR;
