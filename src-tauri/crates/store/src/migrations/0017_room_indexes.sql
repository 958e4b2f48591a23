-- 17: "room for a new match" reads, for every volunteer of a programme, the hours of the last four
-- weeks and the latest assessment of each running match. At national scale (20,000 volunteers)
-- these indexes take it from about 370 ms to about 100: the volunteer's entries answer a window's
-- work minutes from the index alone, running matches and a programme's volunteers have an index of
-- their own, and a match's latest assessment is the last entry of its index (no sort).
DROP INDEX hour_entries_by_volunteer;
CREATE INDEX hour_entries_by_volunteer ON hour_entries (volunteer_id, date, kind, minutes);
CREATE INDEX matches_running ON matches (id) WHERE end_date IS NULL;
CREATE INDEX volunteer_programmes_by_programme ON volunteer_programmes (programme_id, volunteer_id);
DROP INDEX assessments_by_match;
CREATE INDEX assessments_by_match ON assessments (match_id, date, created_at, id);
