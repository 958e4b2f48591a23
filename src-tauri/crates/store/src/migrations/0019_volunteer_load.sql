-- 19: each volunteer's load as the signal evaluation last computed it — work minutes of the last
-- four weeks, weighted caseload, running matches — so "room for a new match" reads one row per
-- volunteer instead of thousands of entries and assessments (national scale: 100 ms → see the
-- bench). Derived and local. A row is never wrong, only missing: every change to what a load is
-- made of drops the rows it touches (the triggers below), the evaluation that follows each write
-- puts them back, and a row of another day counts as missing. Missing rows are computed live.
CREATE TABLE volunteer_load (
    volunteer_id TEXT PRIMARY KEY REFERENCES volunteers (id) ON DELETE CASCADE,
    as_of TEXT NOT NULL,
    work_minutes_four_weeks INTEGER NOT NULL,
    caseload_weight INTEGER NOT NULL,
    running_matches INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER volunteer_load_entry_added AFTER INSERT ON hour_entries BEGIN
    DELETE FROM volunteer_load WHERE volunteer_id = NEW.volunteer_id;
END;
CREATE TRIGGER volunteer_load_entry_changed AFTER UPDATE ON hour_entries BEGIN
    DELETE FROM volunteer_load WHERE volunteer_id IN (OLD.volunteer_id, NEW.volunteer_id);
END;
CREATE TRIGGER volunteer_load_entry_removed AFTER DELETE ON hour_entries BEGIN
    DELETE FROM volunteer_load WHERE volunteer_id = OLD.volunteer_id;
END;

CREATE TRIGGER volunteer_load_member_added AFTER INSERT ON match_volunteers BEGIN
    DELETE FROM volunteer_load WHERE volunteer_id = NEW.volunteer_id;
END;
CREATE TRIGGER volunteer_load_member_changed AFTER UPDATE ON match_volunteers BEGIN
    DELETE FROM volunteer_load WHERE volunteer_id IN (OLD.volunteer_id, NEW.volunteer_id);
END;
CREATE TRIGGER volunteer_load_member_removed AFTER DELETE ON match_volunteers BEGIN
    DELETE FROM volunteer_load WHERE volunteer_id = OLD.volunteer_id;
END;

-- A match ending (or its rows deleted) and a new assessment change its volunteers' loads.
CREATE TRIGGER volunteer_load_match_changed AFTER UPDATE ON matches BEGIN
    DELETE FROM volunteer_load
    WHERE volunteer_id IN (SELECT volunteer_id FROM match_volunteers WHERE match_id IN (OLD.id, NEW.id));
END;
CREATE TRIGGER volunteer_load_match_removed BEFORE DELETE ON matches BEGIN
    DELETE FROM volunteer_load
    WHERE volunteer_id IN (SELECT volunteer_id FROM match_volunteers WHERE match_id = OLD.id);
END;
CREATE TRIGGER volunteer_load_assessment_added AFTER INSERT ON assessments BEGIN
    DELETE FROM volunteer_load
    WHERE volunteer_id IN (SELECT volunteer_id FROM match_volunteers WHERE match_id = NEW.match_id);
END;
CREATE TRIGGER volunteer_load_assessment_changed AFTER UPDATE ON assessments BEGIN
    DELETE FROM volunteer_load
    WHERE volunteer_id IN (SELECT volunteer_id FROM match_volunteers WHERE match_id IN (OLD.match_id, NEW.match_id));
END;
CREATE TRIGGER volunteer_load_assessment_removed AFTER DELETE ON assessments BEGIN
    DELETE FROM volunteer_load
    WHERE volunteer_id IN (SELECT volunteer_id FROM match_volunteers WHERE match_id = OLD.match_id);
END;
