-- 20: the reason a volunteer had no room, kept in English too, so a coordinator working in English
-- reads it in English (15 kept only the Dutch). Older matches have the Dutch only.
ALTER TABLE match_volunteers ADD COLUMN without_room_en TEXT;
DROP TRIGGER sync_match_volunteers_insert;
CREATE TRIGGER sync_match_volunteers_insert AFTER INSERT ON match_volunteers WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, '_row', 1),
    ('match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, 'match_id', NEW.match_id),
    ('match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, 'volunteer_id', NEW.volunteer_id),
    ('match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, 'without_room', NEW.without_room),
    ('match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, 'without_room_en', NEW.without_room_en);
END;
DROP TRIGGER sync_match_volunteers_update;
CREATE TRIGGER sync_match_volunteers_update AFTER UPDATE ON match_volunteers WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, 'without_room', NEW.without_room
    WHERE NEW.without_room IS NOT OLD.without_room
    UNION ALL
    SELECT 'match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, 'without_room_en', NEW.without_room_en
    WHERE NEW.without_room_en IS NOT OLD.without_room_en;
END;
