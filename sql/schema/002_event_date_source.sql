-- Where an event's date comes from: 'text' (a date told in the article) or 'publication'
-- (the article tells no time at all, so the event is dated to the report). NULL when undated.
ALTER TABLE events ADD COLUMN IF NOT EXISTS date_source VARCHAR;
