-- 13: every sealed batch, "applied" file and snapshot is signed by the laptop that wrote it
-- (Ed25519, sync/signature.rs). The secret half stays in this encrypted database; the others'
-- verifying keys are kept as first seen, so no laptop — also not a removed one that still holds
-- an old branch key — can write under another laptop's name.
ALTER TABLE sync_self ADD COLUMN signing_secret BLOB;
ALTER TABLE sync_devices ADD COLUMN verify_key TEXT;
