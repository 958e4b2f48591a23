-- 21: the day a volunteer stopped, set when their status becomes "gestopt" (and cleared when they
-- come back), so a report's "gestopt" counts everyone who stopped in its period — also those who
-- never logged an hour. Volunteers who stopped before this version get the day of their last
-- hours, which is what the reports counted by until now (none: left empty; the reports then fall
-- back to the last hours, as before). Shared like the rest of the volunteer.
ALTER TABLE volunteers ADD COLUMN stopped_on TEXT;
-- Before the capture triggers know the column, and without an audit line: nobody changed anything.
INSERT INTO settings (key, value) VALUES ('audit_paused', '1') ON CONFLICT (key) DO NOTHING;
UPDATE volunteers SET stopped_on = (SELECT max(h.date) FROM hour_entries h WHERE h.volunteer_id = volunteers.id)
WHERE status = 'stopped';
DELETE FROM settings WHERE key = 'audit_paused';

DROP TRIGGER sync_volunteers_insert;
CREATE TRIGGER sync_volunteers_insert AFTER INSERT ON volunteers WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('volunteers', NEW.id, '_row', 1),
    ('volunteers', NEW.id, 'id', NEW.id),
    ('volunteers', NEW.id, 'name', NEW.name),
    ('volunteers', NEW.id, 'email', NEW.email),
    ('volunteers', NEW.id, 'phone', NEW.phone),
    ('volunteers', NEW.id, 'status', NEW.status),
    ('volunteers', NEW.id, 'start_date', NEW.start_date),
    ('volunteers', NEW.id, 'agreed_minutes_per_week', NEW.agreed_minutes_per_week),
    ('volunteers', NEW.id, 'created_at', NEW.created_at),
    ('volunteers', NEW.id, 'updated_at', NEW.updated_at),
    ('volunteers', NEW.id, 'vog_date', NEW.vog_date),
    ('volunteers', NEW.id, 'stopped_on', NEW.stopped_on);
END;
DROP TRIGGER sync_volunteers_update;
CREATE TRIGGER sync_volunteers_update AFTER UPDATE ON volunteers WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'volunteers', NEW.id, 'name', NEW.name WHERE NEW.name IS NOT OLD.name
    UNION ALL SELECT 'volunteers', NEW.id, 'email', NEW.email WHERE NEW.email IS NOT OLD.email
    UNION ALL SELECT 'volunteers', NEW.id, 'phone', NEW.phone WHERE NEW.phone IS NOT OLD.phone
    UNION ALL SELECT 'volunteers', NEW.id, 'status', NEW.status WHERE NEW.status IS NOT OLD.status
    UNION ALL SELECT 'volunteers', NEW.id, 'start_date', NEW.start_date WHERE NEW.start_date IS NOT OLD.start_date
    UNION ALL SELECT 'volunteers', NEW.id, 'agreed_minutes_per_week', NEW.agreed_minutes_per_week WHERE NEW.agreed_minutes_per_week IS NOT OLD.agreed_minutes_per_week
    UNION ALL SELECT 'volunteers', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'volunteers', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at
    UNION ALL SELECT 'volunteers', NEW.id, 'vog_date', NEW.vog_date WHERE NEW.vog_date IS NOT OLD.vog_date
    UNION ALL SELECT 'volunteers', NEW.id, 'stopped_on', NEW.stopped_on WHERE NEW.stopped_on IS NOT OLD.stopped_on;
END;
