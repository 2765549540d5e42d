-- Issue 11: votes voided by a confirmed fraud flag (a VotesVoided on poll-events). A voided vote keeps its row and its
-- leaf in its vote log for ever: the void is recorded next to it (these columns) and as a leaf of its own void log
-- (merkle_logs row VoidLeaf.logId(partition) = 1,000,000 + the poll-events partition). See ledger/README.md, "Voids".
ALTER TABLE votes ADD COLUMN voided_at timestamptz NULL,
                  ADD COLUMN void_event_id uuid NULL,
                  ADD COLUMN void_reason text NULL;

-- One row per applied VotesVoided, counted or not: a redelivery finds its row and changes nothing.
CREATE TABLE vote_voids (
    event_id        uuid PRIMARY KEY,          -- the VotesVoided's
    poll_id         text        NOT NULL,
    flag_id         text        NOT NULL,
    reason          text        NOT NULL,
    voided_at       timestamptz NOT NULL,
    named_votes     int         NOT NULL,
    -- named ids that were recorded votes of the poll, not voided before, and the void counted
    voided_votes    int         NOT NULL,
    -- voidedAt before the poll's effective close (closed_at, else closes_at, else no end)
    counted         boolean     NOT NULL,
    kafka_partition int         NOT NULL,
    kafka_offset    bigint      NOT NULL,
    log_id          int         NOT NULL,
    leaf_index      bigint      NOT NULL
);
-- The poll's voids (receipts, finality, the audit's per-poll checks) without a scan.
CREATE INDEX vote_voids_by_poll ON vote_voids (poll_id);

-- A void subtracts: one negative delta per (poll, option) of the votes it voided. Still append-only; 0 is never
-- written (a delta that changes nothing is no row).
ALTER TABLE tally_deltas DROP CONSTRAINT tally_deltas_vote_count_check;
ALTER TABLE tally_deltas ADD CONSTRAINT tally_deltas_vote_count_check CHECK (vote_count <> 0);

-- Infra's default privileges already give the ledger's role and the reader the new table (PostgresRoles); granted
-- here too, guarded like V7, so a database whose roles were set up before those defaults gets them as well. The
-- relay streams tally_deltas as before (V7's publication and grant are on the table, not on its columns).
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'votes_ledger') THEN
        GRANT SELECT, INSERT, UPDATE ON vote_voids TO votes_ledger;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'votes_reader') THEN
        GRANT SELECT ON vote_voids TO votes_reader;
    END IF;
END $$;
