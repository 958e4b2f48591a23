-- 25: publishing the branch's monthly figures to the organisation's national picture (issue 17).
-- Both tables belong to this laptop (sync/tables.rs) and stay out of exports: the key that signs
-- its publication files and the branch account's server address (with its password), and which
-- months it published when, and how.
CREATE TABLE national_publishing (
    only           INTEGER PRIMARY KEY CHECK (only = 1),
    signing_secret BLOB CHECK (signing_secret IS NULL OR length(signing_secret) = 32),
    server_url     TEXT
);

CREATE TABLE national_published (
    month        TEXT PRIMARY KEY,            -- 2025-03
    published_at TEXT NOT NULL,               -- RFC 3339, UTC
    via          TEXT NOT NULL CHECK (via IN ('server', 'file'))
);
