-- 14: the plausible day (hours above which saving asks "Klopt dat?") is a setting of the branch:
-- it travels to every laptop, like the other branch settings (sync/tables.rs, SHARED_SETTINGS).
DROP TRIGGER sync_settings_insert;
DROP TRIGGER sync_settings_update;
DROP TRIGGER sync_settings_delete;
CREATE TRIGGER sync_settings_insert AFTER INSERT ON settings WHEN (SELECT capture FROM sync_self) = 1 AND NEW.key IN ('demo', 'vog_renewal_years', 'allowance_caps', 'branch_name', 'report_hour_rate_cents', 'report_hour_rate_source', 'plausible_day_hours')
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('settings', NEW.key, '_row', 1),
    ('settings', NEW.key, 'key', NEW.key),
    ('settings', NEW.key, 'value', NEW.value);
END;
CREATE TRIGGER sync_settings_update AFTER UPDATE ON settings WHEN (SELECT capture FROM sync_self) = 1 AND NEW.key IN ('demo', 'vog_renewal_years', 'allowance_caps', 'branch_name', 'report_hour_rate_cents', 'report_hour_rate_source', 'plausible_day_hours')
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'settings', NEW.key, 'value', NEW.value WHERE NEW.value IS NOT OLD.value;
END;
CREATE TRIGGER sync_settings_delete AFTER DELETE ON settings WHEN (SELECT capture FROM sync_self) = 1 AND OLD.key IN ('demo', 'vog_renewal_years', 'allowance_caps', 'branch_name', 'report_hour_rate_cents', 'report_hour_rate_source', 'plausible_day_hours')
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('settings', OLD.key, '_row', 0); END;
