-- 12: removing a laptop from a shared branch. Every laptop has an X25519 key pair (the secret
-- half stays in its own encrypted database); a new branch key (epoch) is boxed to each remaining
-- laptop's public key, so a removed laptop cannot read what is written after (sync/epochs.rs).
ALTER TABLE sync_self ADD COLUMN device_secret BLOB;
ALTER TABLE sync_devices ADD COLUMN public_key TEXT;
-- The write token this laptop holds for the organisation's server (when the branch meets there).
ALTER TABLE sync_self ADD COLUMN server_token TEXT;
