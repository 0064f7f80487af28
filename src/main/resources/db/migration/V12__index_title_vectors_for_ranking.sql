-- A search lists title (and channel) matches first, ranked, then the other matches newest first.
-- This index finds the title matches without reading every match of a common word.
CREATE INDEX IF NOT EXISTS report_search_title_idx ON report_search USING gin (title_vector);
