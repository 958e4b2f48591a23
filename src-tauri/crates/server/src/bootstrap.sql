-- What every server_init makes sure of before the numbered migrations, inside the same transaction:
-- idempotent, so it runs every time (roles are per cluster, not per database).
--
-- draagkracht_owner owns the schema, its tables and its SECURITY DEFINER functions, so those
-- functions run with the rights of this one NOLOGIN role rather than the superuser's.
-- draagkracht_app is what the organisation grants to the login the laptops use: USAGE on the
-- schema and EXECUTE on the functions, nothing on any table.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'draagkracht_owner') THEN
        CREATE ROLE draagkracht_owner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'draagkracht_app') THEN
        CREATE ROLE draagkracht_app NOLOGIN;
    END IF;
    -- The national picture's accounts (migration 4): each is a login in one of these.
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'draagkracht_national_branch') THEN
        CREATE ROLE draagkracht_national_branch NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'draagkracht_national_region') THEN
        CREATE ROLE draagkracht_national_region NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'draagkracht_national_office') THEN
        CREATE ROLE draagkracht_national_office NOLOGIN;
    END IF;
    -- A non-superuser with CREATEROLE (managed PostgreSQL) must be a member to act as the owner.
    IF NOT pg_catalog.pg_has_role(current_user, 'draagkracht_owner', 'MEMBER') THEN
        EXECUTE pg_catalog.format('GRANT draagkracht_owner TO %I', current_user);
    END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS draagkracht AUTHORIZATION draagkracht_owner;
-- The national picture's schema (migration 4), apart from the sharing one.
CREATE SCHEMA IF NOT EXISTS draagkracht_national AUTHORIZATION draagkracht_owner;

SET LOCAL ROLE draagkracht_owner;

REVOKE ALL ON SCHEMA draagkracht FROM PUBLIC;
REVOKE ALL ON SCHEMA draagkracht_national FROM PUBLIC;
GRANT USAGE ON SCHEMA draagkracht TO draagkracht_app;
-- Functions are executable by PUBLIC by default; the owner's never are.
ALTER DEFAULT PRIVILEGES FOR ROLE draagkracht_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

CREATE TABLE IF NOT EXISTS draagkracht.schema_version (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
