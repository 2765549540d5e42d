-- Tally deltas: what each vote batch added to each (poll, option), written in the batch's own transaction and
-- counting only the votes that transaction really inserted. The CDC relay streams this table (and polls) to
-- Kafka; projections sum the rows, so a tally is exactly what the ledger committed, and CDC carries one row per
-- (poll, option) per batch instead of one per vote. Append-only: a row is never updated or deleted.
CREATE TABLE tally_deltas (
    delta_id   uuid PRIMARY KEY,
    poll_id    text        NOT NULL,
    option_id  text        NOT NULL,
    vote_count integer     NOT NULL CHECK (vote_count > 0),
    created_at timestamptz NOT NULL DEFAULT now()
);
-- Rebuilding or checking one poll's tally (audit, tests) reads its deltas only.
CREATE INDEX tally_deltas_by_poll ON tally_deltas (poll_id, option_id);
