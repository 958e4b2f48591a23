-- 15: a volunteer matched although the app said they had no room keeps the reason it gave, as the
-- coordinator saw it (allowed, and recorded). Shared like the rest of the match.
ALTER TABLE match_volunteers ADD COLUMN without_room TEXT;
DROP TRIGGER sync_match_volunteers_insert;
CREATE TRIGGER sync_match_volunteers_insert AFTER INSERT ON match_volunteers WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, '_row', 1),
    ('match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, 'match_id', NEW.match_id),
    ('match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, 'volunteer_id', NEW.volunteer_id),
    ('match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, 'without_room', NEW.without_room);
END;
CREATE TRIGGER sync_match_volunteers_update AFTER UPDATE ON match_volunteers WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, 'without_room', NEW.without_room
    WHERE NEW.without_room IS NOT OLD.without_room;
END;
