-- Issue 10: one role per service, the schema owned by the migration role (this one). Infra's bootstrap creates the
-- roles and gives the ledger's runtime role and the read-only role their privileges on every table through default
-- privileges; what is specific to a table lives here, next to the tables.
--
-- Only a table's owner may publish it, so the CDC relay (not the owner) can no longer let Debezium create its
-- publication: it is created here with exactly Debezium's filtered table list (cdc-relay.properties,
-- table.include.list), which Debezium then finds up to date and uses as it is. A migration that adds a table to the
-- stream must ALTER this publication and GRANT SELECT to votes_relay in the same step.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_publication WHERE pubname = 'votes_cdc_relay') THEN
        CREATE PUBLICATION votes_cdc_relay FOR TABLE tally_deltas, polls, cdc_heartbeat;
    END IF;
    -- Guarded: a database whose roles were not set up by infra (one role for everything) migrates all the same.
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'votes_relay') THEN
        GRANT SELECT ON tally_deltas, polls, cdc_heartbeat TO votes_relay;
        -- heartbeat.action.query upserts the relay's own row
        GRANT INSERT, UPDATE ON cdc_heartbeat TO votes_relay;
    END IF;
    -- Flyway's bookkeeping is the owner's alone; the default privileges gave the ledger's role writes on it.
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'votes_ledger')
            AND to_regclass('public.flyway_schema_history') IS NOT NULL THEN
        REVOKE INSERT, UPDATE ON flyway_schema_history FROM votes_ledger;
    END IF;
END $$;
