//! The schema, as append-only migrations. A migration that has shipped is never edited: add a new
//! one at the end. `user_version` holds the number applied (rusqlite_migration's convention).

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

const STEPS: &[&str] = &[
    // 1: programmes, volunteers, hour entries, settings.
    r#"
CREATE TABLE programmes (
    id          TEXT PRIMARY KEY NOT NULL,
    seed_key    TEXT UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT,
    max_months  INTEGER CHECK (max_months IS NULL OR max_months > 0),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE volunteers (
    id                      TEXT PRIMARY KEY NOT NULL,
    name                    TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email                   TEXT,
    phone                   TEXT,
    status                  TEXT NOT NULL
        CHECK (status IN ('registered', 'intake', 'active', 'resting', 'stopped')),
    start_date              TEXT NOT NULL,
    agreed_minutes_per_week INTEGER NOT NULL DEFAULT 0 CHECK (agreed_minutes_per_week >= 0),
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
);

CREATE TABLE volunteer_programmes (
    volunteer_id TEXT NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    PRIMARY KEY (volunteer_id, programme_id)
) WITHOUT ROWID;

CREATE TABLE hour_entries (
    id           TEXT PRIMARY KEY NOT NULL,
    volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    date         TEXT NOT NULL,
    minutes      INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
    kind         TEXT NOT NULL CHECK (kind IN ('support', 'meeting', 'training', 'travel')),
    note         TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX hour_entries_by_volunteer ON hour_entries (volunteer_id, date);
CREATE INDEX hour_entries_by_date ON hour_entries (date, programme_id);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
"#,
    // 2: participants, matches, complexity assessments, professionals, referrals, activity catalogue;
    //    hour entries may name a match and an activity.
    r#"
CREATE TABLE participants (
    id           TEXT PRIMARY KEY NOT NULL,
    label        TEXT NOT NULL CHECK (length(trim(label)) > 0),
    contact      TEXT,
    consent_date TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE matches (
    id                 TEXT PRIMARY KEY NOT NULL,
    participant_id     TEXT NOT NULL REFERENCES participants (id),
    programme_id       TEXT NOT NULL REFERENCES programmes (id),
    start_date         TEXT NOT NULL,
    expected_end_date  TEXT,
    end_date           TEXT CHECK (end_date IS NULL OR end_date >= start_date),
    end_reason         TEXT,
    one_to_one_at_home INTEGER NOT NULL CHECK (one_to_one_at_home IN (0, 1)),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX matches_by_participant ON matches (participant_id);

CREATE TABLE match_volunteers (
    match_id     TEXT NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
    PRIMARY KEY (match_id, volunteer_id)
) WITHOUT ROWID;
CREATE INDEX match_volunteers_by_volunteer ON match_volunteers (volunteer_id);

-- Kept as history: rows are added, never updated.
CREATE TABLE assessments (
    id                   TEXT PRIMARY KEY NOT NULL,
    match_id             TEXT NOT NULL REFERENCES matches (id),
    date                 TEXT NOT NULL,
    domains              TEXT NOT NULL,
    solvable_within_year INTEGER NOT NULL CHECK (solvable_within_year IN (0, 1)),
    markers              TEXT NOT NULL,
    zrm_scored_by        TEXT,
    zrm_scored_on        TEXT,
    zrm_scores           TEXT CHECK (zrm_scores IS NULL OR length(zrm_scores) = 13),
    note                 TEXT,
    created_at           TEXT NOT NULL
);
CREATE INDEX assessments_by_match ON assessments (match_id, date);

CREATE TABLE involvements (
    id           TEXT PRIMARY KEY NOT NULL,
    match_id     TEXT NOT NULL REFERENCES matches (id),
    kind         TEXT NOT NULL
        CHECK (kind IN ('wijkteam', 'debt_help', 'social_counsel', 'gp', 'mental_health', 'other')),
    name         TEXT,
    organisation TEXT,
    from_date    TEXT NOT NULL,
    to_date      TEXT CHECK (to_date IS NULL OR to_date >= from_date),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX involvements_by_match ON involvements (match_id);

CREATE TABLE referrals (
    id         TEXT PRIMARY KEY NOT NULL,
    match_id   TEXT NOT NULL REFERENCES matches (id),
    date       TEXT NOT NULL,
    to_kind    TEXT NOT NULL
        CHECK (to_kind IN ('wijkteam', 'debt_help', 'social_counsel', 'gp', 'mental_health', 'other')),
    to_name    TEXT,
    reason     TEXT NOT NULL,
    outcome    TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX referrals_by_match ON referrals (match_id, date);

CREATE TABLE activities (
    id           TEXT PRIMARY KEY NOT NULL,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    seed_key     TEXT UNIQUE,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    level        TEXT NOT NULL CHECK (level IN ('volunteer', 'grey', 'professional')),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order   INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX activities_by_programme ON activities (programme_id);

ALTER TABLE hour_entries ADD COLUMN match_id TEXT REFERENCES matches (id);
ALTER TABLE hour_entries ADD COLUMN activity_id TEXT REFERENCES activities (id);
CREATE INDEX hour_entries_by_match ON hour_entries (match_id) WHERE match_id IS NOT NULL;
"#,
    // 3: signals and their history.
    r#"
CREATE TABLE signals (
    id                TEXT PRIMARY KEY NOT NULL,
    volunteer_id      TEXT NOT NULL REFERENCES volunteers (id),
    rule              TEXT NOT NULL,
    subject_match_id  TEXT REFERENCES matches (id),
    severity          TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'alert')),
    status            TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'snoozed', 'resolved', 'cleared')),
    evidence          TEXT NOT NULL,
    explanation_nl    TEXT NOT NULL,
    explanation_en    TEXT NOT NULL,
    cause_date        TEXT NOT NULL,
    opened_on         TEXT NOT NULL,
    snoozed_until     TEXT,
    closed_on         TEXT,
    resolution        TEXT,
    resolution_note   TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX signals_by_volunteer ON signals (volunteer_id, rule);
CREATE INDEX signals_live ON signals (status) WHERE status IN ('open', 'acknowledged', 'snoozed');

-- Every change of a signal's status, kept.
CREATE TABLE signal_events (
    id          TEXT PRIMARY KEY NOT NULL,
    signal_id   TEXT NOT NULL REFERENCES signals (id),
    on_date     TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    resolution  TEXT,
    note        TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX signal_events_by_signal ON signal_events (signal_id, created_at);
"#,
    // 4: signal thresholds changed per programme (absent: the default).
    r#"
CREATE TABLE signal_thresholds (
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    key          TEXT NOT NULL,
    value        REAL NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (programme_id, key)
) WITHOUT ROWID;
"#,
    // 5: what keeps a volunteer supported: VOG, trainings, intervision, strain check-ins, allowances.
    r#"
ALTER TABLE volunteers ADD COLUMN vog_date TEXT;
ALTER TABLE programmes ADD COLUMN required_training TEXT;

CREATE TABLE trainings (
    id           TEXT PRIMARY KEY NOT NULL,
    volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    date         TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX trainings_by_volunteer ON trainings (volunteer_id);

CREATE TABLE supervision_contacts (
    id           TEXT PRIMARY KEY NOT NULL,
    volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
    date         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('intervision', 'supervision')),
    note         TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX supervision_by_volunteer ON supervision_contacts (volunteer_id, date);

-- Answers as a string of 0/1, one per statement of core::support::CHECK_IN_STATEMENTS.
CREATE TABLE check_ins (
    id           TEXT PRIMARY KEY NOT NULL,
    volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
    date         TEXT NOT NULL,
    answers      TEXT NOT NULL,
    note         TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX check_ins_by_volunteer ON check_ins (volunteer_id, date);

CREATE TABLE allowances (
    id           TEXT PRIMARY KEY NOT NULL,
    volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
    month        TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    created_at   TEXT NOT NULL,
    UNIQUE (volunteer_id, month)
);
"#,
    // 6: work minutes per volunteer per month, kept by triggers so that every write path (the
    // forms, imports, the demo) keeps it right. The allowance rule reads a year of months from it
    // instead of a year of entries (3.6 s → milliseconds at national scale).
    r#"
CREATE TABLE volunteer_month_minutes (
    volunteer_id TEXT NOT NULL,
    month        TEXT NOT NULL, -- its first day
    work_minutes INTEGER NOT NULL,
    PRIMARY KEY (volunteer_id, month)
) WITHOUT ROWID;

INSERT INTO volunteer_month_minutes (volunteer_id, month, work_minutes)
    SELECT volunteer_id, substr(date, 1, 7) || '-01', sum(minutes) FROM hour_entries
    WHERE kind <> 'training' GROUP BY 1, 2;

CREATE TRIGGER hour_entries_month_add AFTER INSERT ON hour_entries WHEN NEW.kind <> 'training'
BEGIN
    INSERT INTO volunteer_month_minutes (volunteer_id, month, work_minutes)
        VALUES (NEW.volunteer_id, substr(NEW.date, 1, 7) || '-01', NEW.minutes)
        ON CONFLICT (volunteer_id, month) DO UPDATE SET work_minutes = work_minutes + excluded.work_minutes;
END;

CREATE TRIGGER hour_entries_month_remove AFTER DELETE ON hour_entries WHEN OLD.kind <> 'training'
BEGIN
    UPDATE volunteer_month_minutes SET work_minutes = work_minutes - OLD.minutes
        WHERE volunteer_id = OLD.volunteer_id AND month = substr(OLD.date, 1, 7) || '-01';
END;

CREATE TRIGGER hour_entries_month_change AFTER UPDATE OF volunteer_id, date, minutes, kind ON hour_entries
BEGIN
    UPDATE volunteer_month_minutes SET work_minutes = work_minutes - OLD.minutes
        WHERE OLD.kind <> 'training' AND volunteer_id = OLD.volunteer_id AND month = substr(OLD.date, 1, 7) || '-01';
    INSERT INTO volunteer_month_minutes (volunteer_id, month, work_minutes)
        SELECT NEW.volunteer_id, substr(NEW.date, 1, 7) || '-01', NEW.minutes WHERE NEW.kind <> 'training'
        ON CONFLICT (volunteer_id, month) DO UPDATE SET work_minutes = work_minutes + excluded.work_minutes;
END;
"#, // 7: the AVG tools. Consent: who recorded it and what it covers; when a participant was
    // anonymised; how long each programme keeps personal data after a match ended; and the audit
    // log, written by triggers so every write path is covered. The log holds ids, never values, so
    // erasing a person leaves nothing of them in it. The demo pauses it (`audit_paused`): nobody
    // changed that data.
    r#"
ALTER TABLE participants ADD COLUMN consent_by TEXT;
ALTER TABLE participants ADD COLUMN consent_scope TEXT;
ALTER TABLE participants ADD COLUMN anonymised_on TEXT;
ALTER TABLE programmes ADD COLUMN retention_years INTEGER NOT NULL DEFAULT 2
    CHECK (retention_years BETWEEN 0 AND 30);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    actor     TEXT,
    action    TEXT NOT NULL CHECK (action IN ('added', 'changed', 'removed')),
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL
);

CREATE TRIGGER audit_volunteers_added AFTER INSERT ON volunteers WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'volunteers', NEW.id); END;
CREATE TRIGGER audit_volunteers_changed AFTER UPDATE ON volunteers WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'volunteers', NEW.id); END;
CREATE TRIGGER audit_volunteers_removed AFTER DELETE ON volunteers WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'volunteers', OLD.id); END;
CREATE TRIGGER audit_participants_added AFTER INSERT ON participants WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'participants', NEW.id); END;
CREATE TRIGGER audit_participants_changed AFTER UPDATE ON participants WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'participants', NEW.id); END;
CREATE TRIGGER audit_participants_removed AFTER DELETE ON participants WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'participants', OLD.id); END;
CREATE TRIGGER audit_matches_added AFTER INSERT ON matches WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'matches', NEW.id); END;
CREATE TRIGGER audit_matches_changed AFTER UPDATE ON matches WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'matches', NEW.id); END;
CREATE TRIGGER audit_matches_removed AFTER DELETE ON matches WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'matches', OLD.id); END;
CREATE TRIGGER audit_assessments_added AFTER INSERT ON assessments WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'assessments', NEW.id); END;
CREATE TRIGGER audit_assessments_changed AFTER UPDATE ON assessments WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'assessments', NEW.id); END;
CREATE TRIGGER audit_assessments_removed AFTER DELETE ON assessments WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'assessments', OLD.id); END;
CREATE TRIGGER audit_involvements_added AFTER INSERT ON involvements WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'involvements', NEW.id); END;
CREATE TRIGGER audit_involvements_changed AFTER UPDATE ON involvements WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'involvements', NEW.id); END;
CREATE TRIGGER audit_involvements_removed AFTER DELETE ON involvements WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'involvements', OLD.id); END;
CREATE TRIGGER audit_referrals_added AFTER INSERT ON referrals WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'referrals', NEW.id); END;
CREATE TRIGGER audit_referrals_changed AFTER UPDATE ON referrals WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'referrals', NEW.id); END;
CREATE TRIGGER audit_referrals_removed AFTER DELETE ON referrals WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'referrals', OLD.id); END;
CREATE TRIGGER audit_hour_entries_added AFTER INSERT ON hour_entries WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'hour_entries', NEW.id); END;
CREATE TRIGGER audit_hour_entries_changed AFTER UPDATE ON hour_entries WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'hour_entries', NEW.id); END;
CREATE TRIGGER audit_hour_entries_removed AFTER DELETE ON hour_entries WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'hour_entries', OLD.id); END;
CREATE TRIGGER audit_programmes_added AFTER INSERT ON programmes WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'programmes', NEW.id); END;
CREATE TRIGGER audit_programmes_changed AFTER UPDATE ON programmes WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'programmes', NEW.id); END;
CREATE TRIGGER audit_programmes_removed AFTER DELETE ON programmes WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'programmes', OLD.id); END;
CREATE TRIGGER audit_activities_added AFTER INSERT ON activities WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'activities', NEW.id); END;
CREATE TRIGGER audit_activities_changed AFTER UPDATE ON activities WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'activities', NEW.id); END;
CREATE TRIGGER audit_activities_removed AFTER DELETE ON activities WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'activities', OLD.id); END;
CREATE TRIGGER audit_trainings_added AFTER INSERT ON trainings WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'trainings', NEW.id); END;
CREATE TRIGGER audit_trainings_changed AFTER UPDATE ON trainings WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'trainings', NEW.id); END;
CREATE TRIGGER audit_trainings_removed AFTER DELETE ON trainings WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'trainings', OLD.id); END;
CREATE TRIGGER audit_supervision_contacts_added AFTER INSERT ON supervision_contacts WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'supervision_contacts', NEW.id); END;
CREATE TRIGGER audit_supervision_contacts_changed AFTER UPDATE ON supervision_contacts WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'supervision_contacts', NEW.id); END;
CREATE TRIGGER audit_supervision_contacts_removed AFTER DELETE ON supervision_contacts WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'supervision_contacts', OLD.id); END;
CREATE TRIGGER audit_check_ins_added AFTER INSERT ON check_ins WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'check_ins', NEW.id); END;
CREATE TRIGGER audit_check_ins_changed AFTER UPDATE ON check_ins WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'check_ins', NEW.id); END;
CREATE TRIGGER audit_check_ins_removed AFTER DELETE ON check_ins WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'check_ins', OLD.id); END;
CREATE TRIGGER audit_allowances_added AFTER INSERT ON allowances WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'allowances', NEW.id); END;
CREATE TRIGGER audit_allowances_changed AFTER UPDATE ON allowances WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'changed', 'allowances', NEW.id); END;
CREATE TRIGGER audit_allowances_removed AFTER DELETE ON allowances WHEN (SELECT 1 FROM settings WHERE key = 'audit_paused') IS NULL
BEGIN INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'removed', 'allowances', OLD.id); END;
"#,
    // 8: the sums reports read, kept by triggers like step 6 so that every write path keeps them
    // right: minutes per programme, month, kind and activity (the activity, not its level, which
    // a coordinator may change later), and minutes per volunteer, programme and month (for
    // headcounts). A report over whole months reads these instead of millions of entries (the
    // national annual report: 8 s → well under a second). Months are `2025-01`; '' is "no activity".
    r#"
CREATE TABLE programme_month_minutes (
    programme_id TEXT NOT NULL,
    month        TEXT NOT NULL,
    training     INTEGER NOT NULL,
    activity_id  TEXT NOT NULL,
    minutes      INTEGER NOT NULL,
    PRIMARY KEY (month, programme_id, training, activity_id)
) WITHOUT ROWID;

CREATE TABLE volunteer_programme_months (
    month        TEXT NOT NULL,
    programme_id TEXT NOT NULL,
    volunteer_id TEXT NOT NULL,
    minutes      INTEGER NOT NULL,
    work_minutes INTEGER NOT NULL,
    PRIMARY KEY (month, programme_id, volunteer_id)
) WITHOUT ROWID;

INSERT INTO programme_month_minutes (programme_id, month, training, activity_id, minutes)
    SELECT programme_id, substr(date, 1, 7), kind = 'training', coalesce(activity_id, ''), sum(minutes)
    FROM hour_entries GROUP BY 1, 2, 3, 4;
INSERT INTO volunteer_programme_months (month, programme_id, volunteer_id, minutes, work_minutes)
    SELECT substr(date, 1, 7), programme_id, volunteer_id, sum(minutes),
           coalesce(sum(minutes) FILTER (WHERE kind <> 'training'), 0)
    FROM hour_entries GROUP BY 1, 2, 3;

CREATE TRIGGER hour_entries_report_add AFTER INSERT ON hour_entries
BEGIN
    INSERT INTO programme_month_minutes (programme_id, month, training, activity_id, minutes)
        VALUES (NEW.programme_id, substr(NEW.date, 1, 7), NEW.kind = 'training', coalesce(NEW.activity_id, ''), NEW.minutes)
        ON CONFLICT DO UPDATE SET minutes = minutes + excluded.minutes;
    INSERT INTO volunteer_programme_months (month, programme_id, volunteer_id, minutes, work_minutes)
        VALUES (substr(NEW.date, 1, 7), NEW.programme_id, NEW.volunteer_id, NEW.minutes,
                CASE WHEN NEW.kind = 'training' THEN 0 ELSE NEW.minutes END)
        ON CONFLICT DO UPDATE SET minutes = minutes + excluded.minutes, work_minutes = work_minutes + excluded.work_minutes;
END;

CREATE TRIGGER hour_entries_report_remove AFTER DELETE ON hour_entries
BEGIN
    UPDATE programme_month_minutes SET minutes = minutes - OLD.minutes
        WHERE month = substr(OLD.date, 1, 7) AND programme_id = OLD.programme_id
          AND training = (OLD.kind = 'training') AND activity_id = coalesce(OLD.activity_id, '');
    UPDATE volunteer_programme_months SET minutes = minutes - OLD.minutes,
            work_minutes = work_minutes - CASE WHEN OLD.kind = 'training' THEN 0 ELSE OLD.minutes END
        WHERE month = substr(OLD.date, 1, 7) AND programme_id = OLD.programme_id AND volunteer_id = OLD.volunteer_id;
END;

CREATE TRIGGER hour_entries_report_change
AFTER UPDATE OF volunteer_id, programme_id, date, minutes, kind, activity_id ON hour_entries
BEGIN
    UPDATE programme_month_minutes SET minutes = minutes - OLD.minutes
        WHERE month = substr(OLD.date, 1, 7) AND programme_id = OLD.programme_id
          AND training = (OLD.kind = 'training') AND activity_id = coalesce(OLD.activity_id, '');
    UPDATE volunteer_programme_months SET minutes = minutes - OLD.minutes,
            work_minutes = work_minutes - CASE WHEN OLD.kind = 'training' THEN 0 ELSE OLD.minutes END
        WHERE month = substr(OLD.date, 1, 7) AND programme_id = OLD.programme_id AND volunteer_id = OLD.volunteer_id;
    INSERT INTO programme_month_minutes (programme_id, month, training, activity_id, minutes)
        VALUES (NEW.programme_id, substr(NEW.date, 1, 7), NEW.kind = 'training', coalesce(NEW.activity_id, ''), NEW.minutes)
        ON CONFLICT DO UPDATE SET minutes = minutes + excluded.minutes;
    INSERT INTO volunteer_programme_months (month, programme_id, volunteer_id, minutes, work_minutes)
        VALUES (substr(NEW.date, 1, 7), NEW.programme_id, NEW.volunteer_id, NEW.minutes,
                CASE WHEN NEW.kind = 'training' THEN 0 ELSE NEW.minutes END)
        ON CONFLICT DO UPDATE SET minutes = minutes + excluded.minutes, work_minutes = work_minutes + excluded.work_minutes;
END;
"#,
    // 9: sharing a branch between laptops: this laptop's place, the branch keys, the stamped
    //    fields and the capture triggers of every shared table (long, so in a file of its own).
    include_str!("migrations/0009_sharing.sql"),
    // 10: the coordinator's acts on signals, shared; which of them this laptop carried over.
    include_str!("migrations/0010_signal_acts.sql"),
    // 11: the ids of erased people, shared, so every laptop erases them too.
    include_str!("migrations/0011_erasures.sql"),
    // 12: every laptop's key pair, for a new branch key when a laptop is removed.
    include_str!("migrations/0012_device_keys.sql"),
    // 13: every laptop signs what it writes.
    include_str!("migrations/0013_device_signatures.sql"),
    // 14: the plausible day is a branch setting, shared.
    include_str!("migrations/0014_plausible_day.sql"),
    // 15: a volunteer matched without room keeps the reason the app gave.
    include_str!("migrations/0015_matched_without_room.sql"),
    // 16: a branch's own conversation guides, shared.
    include_str!("migrations/0016_signal_guides.sql"),
    // 17: indexes for the room for a new match at national scale.
    include_str!("migrations/0017_room_indexes.sql"),
    // 18: the sociale kaart, shared.
    include_str!("migrations/0018_organisations.sql"),
    // 19: each volunteer's load as the evaluation computed it, local, dropped on change.
    include_str!("migrations/0019_volunteer_load.sql"),
    // 20: the reason someone had no room, in English too.
    include_str!("migrations/0020_without_room_in_english.sql"),
    // 21: the day a volunteer stopped, shared.
    include_str!("migrations/0021_stopped_on.sql"),
    // 22: the municipalities a branch serves, where a participant lives, and subsidies; shared.
    include_str!("migrations/0022_municipalities_and_subsidies.sql"),
    // 23: anonymised stories for funder reports, shared.
    include_str!("migrations/0023_stories.sql"),
    // 24: goals per programme and their results per match, shared.
    include_str!("migrations/0024_goals.sql"),
    // 25: the key that signs this laptop's national publications, and what it published; local.
    include_str!("migrations/0025_national_publishing.sql"),
];

/// The schema version this app writes: the number of migrations.
pub const SCHEMA_VERSION: u32 = STEPS.len() as u32;

fn migrations() -> Migrations<'static> {
    Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect())
}

pub(crate) fn apply(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    migrations().to_latest(conn)
}

/// A plain database at an older schema version, as an older app left it: for upgrade tests.
#[doc(hidden)]
pub fn create_at_version(path: &std::path::Path, version: u32) -> Result<(), crate::StoreError> {
    let mut conn = Connection::open(path)?;
    Migrations::new(STEPS.iter().take(version as usize).map(|sql| M::up(sql)).collect()).to_latest(&mut conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }
}

#[cfg(test)]
mod upgrade_tests {
    use rusqlite::Connection;

    /// A database made by the foundation's schema (step 1) with a volunteer and an hour entry.
    fn foundation_database(path: &std::path::Path) {
        let mut conn = Connection::open(path).unwrap();
        rusqlite_migration::Migrations::new(vec![rusqlite_migration::M::up(super::STEPS[0])])
            .to_latest(&mut conn)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO programmes (id, seed_key, name, created_at, updated_at)
                 VALUES ('p1', 'thuisadministratie', 'Thuisadministratie', 'x', 'x');
             INSERT INTO volunteers (id, name, status, start_date, created_at, updated_at)
                 VALUES ('v1', 'Anna', 'active', '2025-01-01', 'x', 'x');
             INSERT INTO hour_entries (id, volunteer_id, programme_id, date, minutes, kind, created_at)
                 VALUES ('h1', 'v1', 'p1', '2025-02-03', 90, 'support', 'x');",
        )
        .unwrap();
    }

    #[test]
    fn volunteers_who_stopped_before_21_get_the_day_of_their_last_hours() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        super::create_at_version(&path, 20).unwrap();
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO programmes (id, seed_key, name, created_at, updated_at) VALUES ('p1', NULL, 'Maatje', 'x', 'x');
             INSERT INTO volunteers (id, name, status, start_date, created_at, updated_at) VALUES
                 ('v1', 'Anna', 'stopped', '2024-01-01', 'x', 'x'),
                 ('v2', 'Bram', 'stopped', '2024-01-01', 'x', 'x'),
                 ('v3', 'Carla', 'active', '2024-01-01', 'x', 'x');
             INSERT INTO hour_entries (id, volunteer_id, programme_id, date, minutes, kind, created_at) VALUES
                 ('h1', 'v1', 'p1', '2024-05-02', 60, 'support', 'x'),
                 ('h2', 'v1', 'p1', '2024-06-03', 60, 'support', 'x'),
                 ('h3', 'v3', 'p1', '2024-06-03', 60, 'support', 'x');",
        )
        .unwrap();
        drop(conn);
        let db = crate::open(&path).expect("upgrade");
        let stopped_on = |id: &str| -> Option<String> {
            db.conn().query_row("SELECT stopped_on FROM volunteers WHERE id = ?1", [id], |r| r.get(0)).unwrap()
        };
        assert_eq!(stopped_on("v1").as_deref(), Some("2024-06-03"), "the day of the last hours");
        assert_eq!(stopped_on("v2"), None, "no hours: no day to give");
        assert_eq!(stopped_on("v3"), None, "still active");
        let changed: i64 =
            db.conn().query_row("SELECT count(*) FROM audit_log WHERE action = 'changed'", [], |r| r.get(0)).unwrap();
        assert_eq!(changed, 0, "nobody changed a volunteer");
        let paused: i64 =
            db.conn().query_row("SELECT count(*) FROM settings WHERE key = 'audit_paused'", [], |r| r.get(0)).unwrap();
        assert_eq!(paused, 0, "the audit runs again");
    }

    #[test]
    fn a_foundation_database_upgrades_with_its_data_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        foundation_database(&path);
        let db = crate::open(&path).expect("upgrade");
        let c = db.conn();
        let v: u32 = c.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, super::SCHEMA_VERSION);
        let (minutes, match_id): (i64, Option<String>) = c
            .query_row("SELECT minutes, match_id FROM hour_entries WHERE id = 'h1'", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!((minutes, match_id), (90, None), "old entries keep their minutes and have no match");
        let name: String = c.query_row("SELECT name FROM volunteers WHERE id = 'v1'", [], |r| r.get(0)).unwrap();
        assert_eq!(name, "Anna");
        assert!(crate::health::check(c).unwrap().is_sound());
    }
}
