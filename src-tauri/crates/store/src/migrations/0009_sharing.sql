-- 9: sharing a branch between laptops (store/src/sync/). Every change to a shared table is written
-- field by field into sync_pending by the triggers below while this laptop shares a branch
-- (sync_self.capture = 1); Db::write stamps them with the hybrid logical clock before it commits.
-- Which tables are shared is declared in sync/tables.rs; a test holds these triggers to it.

-- This laptop's place in a shared branch: one row while it shares one, none before.
CREATE TABLE sync_self (
    only        INTEGER PRIMARY KEY CHECK (only = 1),
    capture     INTEGER NOT NULL DEFAULT 1 CHECK (capture IN (0, 1)),
    branch_id   TEXT NOT NULL,
    node        TEXT NOT NULL,
    device_name TEXT NOT NULL,
    epoch       INTEGER NOT NULL,
    clock       INTEGER NOT NULL DEFAULT 0,
    target      TEXT,
    joined_at   TEXT NOT NULL
);

-- The branch key of each epoch (random, 32 bytes), inside the encrypted database.
CREATE TABLE sync_keys (
    epoch INTEGER PRIMARY KEY,
    key   BLOB NOT NULL CHECK (length(key) = 32)
);

-- Fields changed by the transaction under way, unstamped (no type: values keep theirs).
CREATE TABLE sync_pending (
    n       INTEGER PRIMARY KEY,
    tbl     TEXT NOT NULL,
    row_key TEXT NOT NULL,
    col     TEXT NOT NULL,
    val
);

-- The winning write of every field written since sharing began: its stamp and value. A field
-- without a row here holds what the branch had when sharing began (the origin stamp).
CREATE TABLE sync_cells (
    tbl     TEXT NOT NULL,
    row_key TEXT NOT NULL,
    col     TEXT NOT NULL,
    hlc     INTEGER NOT NULL,
    node    TEXT NOT NULL,
    val,
    PRIMARY KEY (tbl, row_key, col)
) WITHOUT ROWID;

-- Writes made here, stamped, not yet in a batch; base_* is the stamp the field had before.
CREATE TABLE sync_outbox (
    n         INTEGER PRIMARY KEY,
    tbl       TEXT NOT NULL,
    row_key   TEXT NOT NULL,
    col       TEXT NOT NULL,
    val,
    hlc       INTEGER NOT NULL,
    base_hlc  INTEGER NOT NULL,
    base_node TEXT NOT NULL
);

-- Batches written here, sealed, until the shared place has them (a push can fail halfway).
CREATE TABLE sync_sealed (
    seq    INTEGER PRIMARY KEY,
    epoch  INTEGER NOT NULL,
    sealed BLOB NOT NULL,
    pushed INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1))
);

-- Every laptop of the branch (this one too): its name, the last of its batches applied here
-- (for this laptop: the last it wrote), and when it was last heard of.
CREATE TABLE sync_devices (
    node        TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    applied_seq INTEGER NOT NULL DEFAULT 0,
    last_seen   TEXT,
    removed_at  TEXT
) WITHOUT ROWID;

-- "Twee versies": a value that lost to a write made apart from it, for the coordinator to see
-- and, if it was the right one, put back.
CREATE TABLE sync_versions (
    id         INTEGER PRIMARY KEY,
    tbl        TEXT NOT NULL,
    row_key    TEXT NOT NULL,
    col        TEXT NOT NULL,
    lost_val,
    lost_hlc   INTEGER NOT NULL,
    lost_node  TEXT NOT NULL,
    noticed_at TEXT NOT NULL,
    settled_at TEXT,
    UNIQUE (tbl, row_key, col, lost_hlc, lost_node)
);
CREATE INDEX sync_versions_open ON sync_versions (settled_at, tbl, row_key);

CREATE TRIGGER sync_programmes_insert AFTER INSERT ON programmes WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('programmes', NEW.id, '_row', 1),
    ('programmes', NEW.id, 'id', NEW.id),
    ('programmes', NEW.id, 'seed_key', NEW.seed_key),
    ('programmes', NEW.id, 'name', NEW.name),
    ('programmes', NEW.id, 'description', NEW.description),
    ('programmes', NEW.id, 'max_months', NEW.max_months),
    ('programmes', NEW.id, 'active', NEW.active),
    ('programmes', NEW.id, 'sort_order', NEW.sort_order),
    ('programmes', NEW.id, 'created_at', NEW.created_at),
    ('programmes', NEW.id, 'updated_at', NEW.updated_at),
    ('programmes', NEW.id, 'required_training', NEW.required_training),
    ('programmes', NEW.id, 'retention_years', NEW.retention_years);
END;
CREATE TRIGGER sync_programmes_update AFTER UPDATE ON programmes WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'programmes', NEW.id, 'seed_key', NEW.seed_key WHERE NEW.seed_key IS NOT OLD.seed_key
    UNION ALL SELECT 'programmes', NEW.id, 'name', NEW.name WHERE NEW.name IS NOT OLD.name
    UNION ALL SELECT 'programmes', NEW.id, 'description', NEW.description WHERE NEW.description IS NOT OLD.description
    UNION ALL SELECT 'programmes', NEW.id, 'max_months', NEW.max_months WHERE NEW.max_months IS NOT OLD.max_months
    UNION ALL SELECT 'programmes', NEW.id, 'active', NEW.active WHERE NEW.active IS NOT OLD.active
    UNION ALL SELECT 'programmes', NEW.id, 'sort_order', NEW.sort_order WHERE NEW.sort_order IS NOT OLD.sort_order
    UNION ALL SELECT 'programmes', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'programmes', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at
    UNION ALL SELECT 'programmes', NEW.id, 'required_training', NEW.required_training WHERE NEW.required_training IS NOT OLD.required_training
    UNION ALL SELECT 'programmes', NEW.id, 'retention_years', NEW.retention_years WHERE NEW.retention_years IS NOT OLD.retention_years;
END;
CREATE TRIGGER sync_programmes_delete AFTER DELETE ON programmes WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('programmes', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_activities_insert AFTER INSERT ON activities WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('activities', NEW.id, '_row', 1),
    ('activities', NEW.id, 'id', NEW.id),
    ('activities', NEW.id, 'programme_id', NEW.programme_id),
    ('activities', NEW.id, 'seed_key', NEW.seed_key),
    ('activities', NEW.id, 'name', NEW.name),
    ('activities', NEW.id, 'level', NEW.level),
    ('activities', NEW.id, 'active', NEW.active),
    ('activities', NEW.id, 'sort_order', NEW.sort_order),
    ('activities', NEW.id, 'created_at', NEW.created_at),
    ('activities', NEW.id, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER sync_activities_update AFTER UPDATE ON activities WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'activities', NEW.id, 'programme_id', NEW.programme_id WHERE NEW.programme_id IS NOT OLD.programme_id
    UNION ALL SELECT 'activities', NEW.id, 'seed_key', NEW.seed_key WHERE NEW.seed_key IS NOT OLD.seed_key
    UNION ALL SELECT 'activities', NEW.id, 'name', NEW.name WHERE NEW.name IS NOT OLD.name
    UNION ALL SELECT 'activities', NEW.id, 'level', NEW.level WHERE NEW.level IS NOT OLD.level
    UNION ALL SELECT 'activities', NEW.id, 'active', NEW.active WHERE NEW.active IS NOT OLD.active
    UNION ALL SELECT 'activities', NEW.id, 'sort_order', NEW.sort_order WHERE NEW.sort_order IS NOT OLD.sort_order
    UNION ALL SELECT 'activities', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'activities', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at;
END;
CREATE TRIGGER sync_activities_delete AFTER DELETE ON activities WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('activities', OLD.id, '_row', 0); END;
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
    ('volunteers', NEW.id, 'vog_date', NEW.vog_date);
END;
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
    UNION ALL SELECT 'volunteers', NEW.id, 'vog_date', NEW.vog_date WHERE NEW.vog_date IS NOT OLD.vog_date;
END;
CREATE TRIGGER sync_volunteers_delete AFTER DELETE ON volunteers WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('volunteers', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_volunteer_programmes_insert AFTER INSERT ON volunteer_programmes WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('volunteer_programmes', NEW.volunteer_id || '|' || NEW.programme_id, '_row', 1),
    ('volunteer_programmes', NEW.volunteer_id || '|' || NEW.programme_id, 'volunteer_id', NEW.volunteer_id),
    ('volunteer_programmes', NEW.volunteer_id || '|' || NEW.programme_id, 'programme_id', NEW.programme_id);
END;
CREATE TRIGGER sync_volunteer_programmes_delete AFTER DELETE ON volunteer_programmes WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('volunteer_programmes', OLD.volunteer_id || '|' || OLD.programme_id, '_row', 0); END;
CREATE TRIGGER sync_participants_insert AFTER INSERT ON participants WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('participants', NEW.id, '_row', 1),
    ('participants', NEW.id, 'id', NEW.id),
    ('participants', NEW.id, 'label', NEW.label),
    ('participants', NEW.id, 'contact', NEW.contact),
    ('participants', NEW.id, 'consent_date', NEW.consent_date),
    ('participants', NEW.id, 'created_at', NEW.created_at),
    ('participants', NEW.id, 'updated_at', NEW.updated_at),
    ('participants', NEW.id, 'consent_by', NEW.consent_by),
    ('participants', NEW.id, 'consent_scope', NEW.consent_scope),
    ('participants', NEW.id, 'anonymised_on', NEW.anonymised_on);
END;
CREATE TRIGGER sync_participants_update AFTER UPDATE ON participants WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'participants', NEW.id, 'label', NEW.label WHERE NEW.label IS NOT OLD.label
    UNION ALL SELECT 'participants', NEW.id, 'contact', NEW.contact WHERE NEW.contact IS NOT OLD.contact
    UNION ALL SELECT 'participants', NEW.id, 'consent_date', NEW.consent_date WHERE NEW.consent_date IS NOT OLD.consent_date
    UNION ALL SELECT 'participants', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'participants', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at
    UNION ALL SELECT 'participants', NEW.id, 'consent_by', NEW.consent_by WHERE NEW.consent_by IS NOT OLD.consent_by
    UNION ALL SELECT 'participants', NEW.id, 'consent_scope', NEW.consent_scope WHERE NEW.consent_scope IS NOT OLD.consent_scope
    UNION ALL SELECT 'participants', NEW.id, 'anonymised_on', NEW.anonymised_on WHERE NEW.anonymised_on IS NOT OLD.anonymised_on;
END;
CREATE TRIGGER sync_participants_delete AFTER DELETE ON participants WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('participants', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_matches_insert AFTER INSERT ON matches WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('matches', NEW.id, '_row', 1),
    ('matches', NEW.id, 'id', NEW.id),
    ('matches', NEW.id, 'participant_id', NEW.participant_id),
    ('matches', NEW.id, 'programme_id', NEW.programme_id),
    ('matches', NEW.id, 'start_date', NEW.start_date),
    ('matches', NEW.id, 'expected_end_date', NEW.expected_end_date),
    ('matches', NEW.id, 'end_date', NEW.end_date),
    ('matches', NEW.id, 'end_reason', NEW.end_reason),
    ('matches', NEW.id, 'one_to_one_at_home', NEW.one_to_one_at_home),
    ('matches', NEW.id, 'created_at', NEW.created_at),
    ('matches', NEW.id, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER sync_matches_update AFTER UPDATE ON matches WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'matches', NEW.id, 'participant_id', NEW.participant_id WHERE NEW.participant_id IS NOT OLD.participant_id
    UNION ALL SELECT 'matches', NEW.id, 'programme_id', NEW.programme_id WHERE NEW.programme_id IS NOT OLD.programme_id
    UNION ALL SELECT 'matches', NEW.id, 'start_date', NEW.start_date WHERE NEW.start_date IS NOT OLD.start_date
    UNION ALL SELECT 'matches', NEW.id, 'expected_end_date', NEW.expected_end_date WHERE NEW.expected_end_date IS NOT OLD.expected_end_date
    UNION ALL SELECT 'matches', NEW.id, 'end_date', NEW.end_date WHERE NEW.end_date IS NOT OLD.end_date
    UNION ALL SELECT 'matches', NEW.id, 'end_reason', NEW.end_reason WHERE NEW.end_reason IS NOT OLD.end_reason
    UNION ALL SELECT 'matches', NEW.id, 'one_to_one_at_home', NEW.one_to_one_at_home WHERE NEW.one_to_one_at_home IS NOT OLD.one_to_one_at_home
    UNION ALL SELECT 'matches', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'matches', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at;
END;
CREATE TRIGGER sync_matches_delete AFTER DELETE ON matches WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('matches', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_match_volunteers_insert AFTER INSERT ON match_volunteers WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, '_row', 1),
    ('match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, 'match_id', NEW.match_id),
    ('match_volunteers', NEW.match_id || '|' || NEW.volunteer_id, 'volunteer_id', NEW.volunteer_id);
END;
CREATE TRIGGER sync_match_volunteers_delete AFTER DELETE ON match_volunteers WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('match_volunteers', OLD.match_id || '|' || OLD.volunteer_id, '_row', 0); END;
CREATE TRIGGER sync_hour_entries_insert AFTER INSERT ON hour_entries WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('hour_entries', NEW.id, '_row', 1),
    ('hour_entries', NEW.id, 'id', NEW.id),
    ('hour_entries', NEW.id, 'volunteer_id', NEW.volunteer_id),
    ('hour_entries', NEW.id, 'programme_id', NEW.programme_id),
    ('hour_entries', NEW.id, 'date', NEW.date),
    ('hour_entries', NEW.id, 'minutes', NEW.minutes),
    ('hour_entries', NEW.id, 'kind', NEW.kind),
    ('hour_entries', NEW.id, 'note', NEW.note),
    ('hour_entries', NEW.id, 'created_at', NEW.created_at),
    ('hour_entries', NEW.id, 'match_id', NEW.match_id),
    ('hour_entries', NEW.id, 'activity_id', NEW.activity_id);
END;
CREATE TRIGGER sync_hour_entries_update AFTER UPDATE ON hour_entries WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'hour_entries', NEW.id, 'volunteer_id', NEW.volunteer_id WHERE NEW.volunteer_id IS NOT OLD.volunteer_id
    UNION ALL SELECT 'hour_entries', NEW.id, 'programme_id', NEW.programme_id WHERE NEW.programme_id IS NOT OLD.programme_id
    UNION ALL SELECT 'hour_entries', NEW.id, 'date', NEW.date WHERE NEW.date IS NOT OLD.date
    UNION ALL SELECT 'hour_entries', NEW.id, 'minutes', NEW.minutes WHERE NEW.minutes IS NOT OLD.minutes
    UNION ALL SELECT 'hour_entries', NEW.id, 'kind', NEW.kind WHERE NEW.kind IS NOT OLD.kind
    UNION ALL SELECT 'hour_entries', NEW.id, 'note', NEW.note WHERE NEW.note IS NOT OLD.note
    UNION ALL SELECT 'hour_entries', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'hour_entries', NEW.id, 'match_id', NEW.match_id WHERE NEW.match_id IS NOT OLD.match_id
    UNION ALL SELECT 'hour_entries', NEW.id, 'activity_id', NEW.activity_id WHERE NEW.activity_id IS NOT OLD.activity_id;
END;
CREATE TRIGGER sync_hour_entries_delete AFTER DELETE ON hour_entries WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('hour_entries', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_assessments_insert AFTER INSERT ON assessments WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('assessments', NEW.id, '_row', 1),
    ('assessments', NEW.id, 'id', NEW.id),
    ('assessments', NEW.id, 'match_id', NEW.match_id),
    ('assessments', NEW.id, 'date', NEW.date),
    ('assessments', NEW.id, 'domains', NEW.domains),
    ('assessments', NEW.id, 'solvable_within_year', NEW.solvable_within_year),
    ('assessments', NEW.id, 'markers', NEW.markers),
    ('assessments', NEW.id, 'zrm_scored_by', NEW.zrm_scored_by),
    ('assessments', NEW.id, 'zrm_scored_on', NEW.zrm_scored_on),
    ('assessments', NEW.id, 'zrm_scores', NEW.zrm_scores),
    ('assessments', NEW.id, 'note', NEW.note),
    ('assessments', NEW.id, 'created_at', NEW.created_at);
END;
CREATE TRIGGER sync_assessments_update AFTER UPDATE ON assessments WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'assessments', NEW.id, 'match_id', NEW.match_id WHERE NEW.match_id IS NOT OLD.match_id
    UNION ALL SELECT 'assessments', NEW.id, 'date', NEW.date WHERE NEW.date IS NOT OLD.date
    UNION ALL SELECT 'assessments', NEW.id, 'domains', NEW.domains WHERE NEW.domains IS NOT OLD.domains
    UNION ALL SELECT 'assessments', NEW.id, 'solvable_within_year', NEW.solvable_within_year WHERE NEW.solvable_within_year IS NOT OLD.solvable_within_year
    UNION ALL SELECT 'assessments', NEW.id, 'markers', NEW.markers WHERE NEW.markers IS NOT OLD.markers
    UNION ALL SELECT 'assessments', NEW.id, 'zrm_scored_by', NEW.zrm_scored_by WHERE NEW.zrm_scored_by IS NOT OLD.zrm_scored_by
    UNION ALL SELECT 'assessments', NEW.id, 'zrm_scored_on', NEW.zrm_scored_on WHERE NEW.zrm_scored_on IS NOT OLD.zrm_scored_on
    UNION ALL SELECT 'assessments', NEW.id, 'zrm_scores', NEW.zrm_scores WHERE NEW.zrm_scores IS NOT OLD.zrm_scores
    UNION ALL SELECT 'assessments', NEW.id, 'note', NEW.note WHERE NEW.note IS NOT OLD.note
    UNION ALL SELECT 'assessments', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at;
END;
CREATE TRIGGER sync_assessments_delete AFTER DELETE ON assessments WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('assessments', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_involvements_insert AFTER INSERT ON involvements WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('involvements', NEW.id, '_row', 1),
    ('involvements', NEW.id, 'id', NEW.id),
    ('involvements', NEW.id, 'match_id', NEW.match_id),
    ('involvements', NEW.id, 'kind', NEW.kind),
    ('involvements', NEW.id, 'name', NEW.name),
    ('involvements', NEW.id, 'organisation', NEW.organisation),
    ('involvements', NEW.id, 'from_date', NEW.from_date),
    ('involvements', NEW.id, 'to_date', NEW.to_date),
    ('involvements', NEW.id, 'created_at', NEW.created_at),
    ('involvements', NEW.id, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER sync_involvements_update AFTER UPDATE ON involvements WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'involvements', NEW.id, 'match_id', NEW.match_id WHERE NEW.match_id IS NOT OLD.match_id
    UNION ALL SELECT 'involvements', NEW.id, 'kind', NEW.kind WHERE NEW.kind IS NOT OLD.kind
    UNION ALL SELECT 'involvements', NEW.id, 'name', NEW.name WHERE NEW.name IS NOT OLD.name
    UNION ALL SELECT 'involvements', NEW.id, 'organisation', NEW.organisation WHERE NEW.organisation IS NOT OLD.organisation
    UNION ALL SELECT 'involvements', NEW.id, 'from_date', NEW.from_date WHERE NEW.from_date IS NOT OLD.from_date
    UNION ALL SELECT 'involvements', NEW.id, 'to_date', NEW.to_date WHERE NEW.to_date IS NOT OLD.to_date
    UNION ALL SELECT 'involvements', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'involvements', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at;
END;
CREATE TRIGGER sync_involvements_delete AFTER DELETE ON involvements WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('involvements', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_referrals_insert AFTER INSERT ON referrals WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('referrals', NEW.id, '_row', 1),
    ('referrals', NEW.id, 'id', NEW.id),
    ('referrals', NEW.id, 'match_id', NEW.match_id),
    ('referrals', NEW.id, 'date', NEW.date),
    ('referrals', NEW.id, 'to_kind', NEW.to_kind),
    ('referrals', NEW.id, 'to_name', NEW.to_name),
    ('referrals', NEW.id, 'reason', NEW.reason),
    ('referrals', NEW.id, 'outcome', NEW.outcome),
    ('referrals', NEW.id, 'created_at', NEW.created_at),
    ('referrals', NEW.id, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER sync_referrals_update AFTER UPDATE ON referrals WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'referrals', NEW.id, 'match_id', NEW.match_id WHERE NEW.match_id IS NOT OLD.match_id
    UNION ALL SELECT 'referrals', NEW.id, 'date', NEW.date WHERE NEW.date IS NOT OLD.date
    UNION ALL SELECT 'referrals', NEW.id, 'to_kind', NEW.to_kind WHERE NEW.to_kind IS NOT OLD.to_kind
    UNION ALL SELECT 'referrals', NEW.id, 'to_name', NEW.to_name WHERE NEW.to_name IS NOT OLD.to_name
    UNION ALL SELECT 'referrals', NEW.id, 'reason', NEW.reason WHERE NEW.reason IS NOT OLD.reason
    UNION ALL SELECT 'referrals', NEW.id, 'outcome', NEW.outcome WHERE NEW.outcome IS NOT OLD.outcome
    UNION ALL SELECT 'referrals', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'referrals', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at;
END;
CREATE TRIGGER sync_referrals_delete AFTER DELETE ON referrals WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('referrals', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_signal_thresholds_insert AFTER INSERT ON signal_thresholds WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('signal_thresholds', NEW.programme_id || '|' || NEW.key, '_row', 1),
    ('signal_thresholds', NEW.programme_id || '|' || NEW.key, 'programme_id', NEW.programme_id),
    ('signal_thresholds', NEW.programme_id || '|' || NEW.key, 'key', NEW.key),
    ('signal_thresholds', NEW.programme_id || '|' || NEW.key, 'value', NEW.value),
    ('signal_thresholds', NEW.programme_id || '|' || NEW.key, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER sync_signal_thresholds_update AFTER UPDATE ON signal_thresholds WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'signal_thresholds', NEW.programme_id || '|' || NEW.key, 'value', NEW.value WHERE NEW.value IS NOT OLD.value
    UNION ALL SELECT 'signal_thresholds', NEW.programme_id || '|' || NEW.key, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at;
END;
CREATE TRIGGER sync_signal_thresholds_delete AFTER DELETE ON signal_thresholds WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('signal_thresholds', OLD.programme_id || '|' || OLD.key, '_row', 0); END;
CREATE TRIGGER sync_trainings_insert AFTER INSERT ON trainings WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('trainings', NEW.id, '_row', 1),
    ('trainings', NEW.id, 'id', NEW.id),
    ('trainings', NEW.id, 'volunteer_id', NEW.volunteer_id),
    ('trainings', NEW.id, 'name', NEW.name),
    ('trainings', NEW.id, 'date', NEW.date),
    ('trainings', NEW.id, 'created_at', NEW.created_at);
END;
CREATE TRIGGER sync_trainings_update AFTER UPDATE ON trainings WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'trainings', NEW.id, 'volunteer_id', NEW.volunteer_id WHERE NEW.volunteer_id IS NOT OLD.volunteer_id
    UNION ALL SELECT 'trainings', NEW.id, 'name', NEW.name WHERE NEW.name IS NOT OLD.name
    UNION ALL SELECT 'trainings', NEW.id, 'date', NEW.date WHERE NEW.date IS NOT OLD.date
    UNION ALL SELECT 'trainings', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at;
END;
CREATE TRIGGER sync_trainings_delete AFTER DELETE ON trainings WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('trainings', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_supervision_contacts_insert AFTER INSERT ON supervision_contacts WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('supervision_contacts', NEW.id, '_row', 1),
    ('supervision_contacts', NEW.id, 'id', NEW.id),
    ('supervision_contacts', NEW.id, 'volunteer_id', NEW.volunteer_id),
    ('supervision_contacts', NEW.id, 'date', NEW.date),
    ('supervision_contacts', NEW.id, 'kind', NEW.kind),
    ('supervision_contacts', NEW.id, 'note', NEW.note),
    ('supervision_contacts', NEW.id, 'created_at', NEW.created_at);
END;
CREATE TRIGGER sync_supervision_contacts_update AFTER UPDATE ON supervision_contacts WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'supervision_contacts', NEW.id, 'volunteer_id', NEW.volunteer_id WHERE NEW.volunteer_id IS NOT OLD.volunteer_id
    UNION ALL SELECT 'supervision_contacts', NEW.id, 'date', NEW.date WHERE NEW.date IS NOT OLD.date
    UNION ALL SELECT 'supervision_contacts', NEW.id, 'kind', NEW.kind WHERE NEW.kind IS NOT OLD.kind
    UNION ALL SELECT 'supervision_contacts', NEW.id, 'note', NEW.note WHERE NEW.note IS NOT OLD.note
    UNION ALL SELECT 'supervision_contacts', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at;
END;
CREATE TRIGGER sync_supervision_contacts_delete AFTER DELETE ON supervision_contacts WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('supervision_contacts', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_check_ins_insert AFTER INSERT ON check_ins WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('check_ins', NEW.id, '_row', 1),
    ('check_ins', NEW.id, 'id', NEW.id),
    ('check_ins', NEW.id, 'volunteer_id', NEW.volunteer_id),
    ('check_ins', NEW.id, 'date', NEW.date),
    ('check_ins', NEW.id, 'answers', NEW.answers),
    ('check_ins', NEW.id, 'note', NEW.note),
    ('check_ins', NEW.id, 'created_at', NEW.created_at);
END;
CREATE TRIGGER sync_check_ins_update AFTER UPDATE ON check_ins WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'check_ins', NEW.id, 'volunteer_id', NEW.volunteer_id WHERE NEW.volunteer_id IS NOT OLD.volunteer_id
    UNION ALL SELECT 'check_ins', NEW.id, 'date', NEW.date WHERE NEW.date IS NOT OLD.date
    UNION ALL SELECT 'check_ins', NEW.id, 'answers', NEW.answers WHERE NEW.answers IS NOT OLD.answers
    UNION ALL SELECT 'check_ins', NEW.id, 'note', NEW.note WHERE NEW.note IS NOT OLD.note
    UNION ALL SELECT 'check_ins', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at;
END;
CREATE TRIGGER sync_check_ins_delete AFTER DELETE ON check_ins WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('check_ins', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_allowances_insert AFTER INSERT ON allowances WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('allowances', NEW.id, '_row', 1),
    ('allowances', NEW.id, 'id', NEW.id),
    ('allowances', NEW.id, 'volunteer_id', NEW.volunteer_id),
    ('allowances', NEW.id, 'month', NEW.month),
    ('allowances', NEW.id, 'amount_cents', NEW.amount_cents),
    ('allowances', NEW.id, 'created_at', NEW.created_at);
END;
CREATE TRIGGER sync_allowances_update AFTER UPDATE ON allowances WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'allowances', NEW.id, 'volunteer_id', NEW.volunteer_id WHERE NEW.volunteer_id IS NOT OLD.volunteer_id
    UNION ALL SELECT 'allowances', NEW.id, 'month', NEW.month WHERE NEW.month IS NOT OLD.month
    UNION ALL SELECT 'allowances', NEW.id, 'amount_cents', NEW.amount_cents WHERE NEW.amount_cents IS NOT OLD.amount_cents
    UNION ALL SELECT 'allowances', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at;
END;
CREATE TRIGGER sync_allowances_delete AFTER DELETE ON allowances WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('allowances', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_settings_insert AFTER INSERT ON settings WHEN (SELECT capture FROM sync_self) = 1 AND NEW.key IN ('demo', 'vog_renewal_years', 'allowance_caps', 'branch_name', 'report_hour_rate_cents', 'report_hour_rate_source')
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('settings', NEW.key, '_row', 1),
    ('settings', NEW.key, 'key', NEW.key),
    ('settings', NEW.key, 'value', NEW.value);
END;
CREATE TRIGGER sync_settings_update AFTER UPDATE ON settings WHEN (SELECT capture FROM sync_self) = 1 AND NEW.key IN ('demo', 'vog_renewal_years', 'allowance_caps', 'branch_name', 'report_hour_rate_cents', 'report_hour_rate_source')
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'settings', NEW.key, 'value', NEW.value WHERE NEW.value IS NOT OLD.value;
END;
CREATE TRIGGER sync_settings_delete AFTER DELETE ON settings WHEN (SELECT capture FROM sync_self) = 1 AND OLD.key IN ('demo', 'vog_renewal_years', 'allowance_caps', 'branch_name', 'report_hour_rate_cents', 'report_hour_rate_source')
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('settings', OLD.key, '_row', 0); END;
