-- The tamper-evident ledger (issue 4): every recorded vote is a leaf of an RFC 6962 Merkle log, one log per
-- partition of votes.submitted (log_id = partition), leaves in offset order. See ledger/README.md for why.

-- The vote's place in its partition's log. NULL only for rows written before this migration (they are in no log).
ALTER TABLE votes ADD COLUMN leaf_index bigint NULL;
-- Leaf indexes are contiguous 0..size-1 per log, assigned by the batch writer under the log's row lock. No index on
-- (kafka_partition, leaf_index): a third index on every vote row cost the ledger's write rate more than the whole
-- Merkle log otherwise does (perf/RESULTS.md), and nothing on the write or receipt path looks votes up by leaf; the
-- audit replay reads them in leaf order once (a sort) and fails on any gap or repeat.

-- One row per log: its size, root and the partial (not yet full) tile of every level. Locked FOR UPDATE by each
-- vote batch that appends to it, which is what serialises appends to one log.
CREATE TABLE merkle_logs (
    log_id     int PRIMARY KEY,
    size       bigint      NOT NULL DEFAULT 0,
    root       bytea       NOT NULL,
    right_edge bytea       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- Updated by every batch: MAIN keeps the ~1-2 KB right edge in the row instead of a new out-of-line TOAST value
-- (and its index entry) per update.
ALTER TABLE merkle_logs ALTER COLUMN right_edge SET STORAGE MAIN;

-- Full tiles of height 4: the 16 hashes (32 bytes each) of tree level 4*level, nodes [16*idx, 16*idx+16).
-- Insert-only: a full tile never changes, so proofs for any past tree size read the same rows.
CREATE TABLE merkle_tiles (
    log_id int    NOT NULL,
    level  int    NOT NULL,
    idx    bigint NOT NULL,
    hashes bytea  NOT NULL,
    PRIMARY KEY (log_id, level, idx)
);

-- Every checkpoint the ledger signed, kept forever: auditors prove consistency between any two of them.
-- body = the checkpoint's log heads [{"log", "size", "root"}]; public_key = the signer's X.509 key (base64), so
-- a stored checkpoint stays self-describing after a key rotation (trust still comes from the auditor's own key).
-- sequence runs 1, 2, 3… without gaps: the publisher takes max + 1 under its advisory lock (no SEQUENCE, whose
-- rolled-back numbers would leave gaps an auditor could not tell from a deleted checkpoint).
CREATE TABLE checkpoints (
    sequence   bigint PRIMARY KEY,
    origin     text        NOT NULL,
    issued_at  timestamptz NOT NULL,
    body       jsonb       NOT NULL,
    signature  bytea       NOT NULL,
    key_id     text        NOT NULL,
    public_key text        NOT NULL
);

-- The poll export (and the audit's per-poll checks) read a poll's rejections; without this they scan them all.
CREATE INDEX rejections_by_poll ON rejections (poll_id);
