-- Issue 11, fraud review: ingest flags votes whose bot score passed its threshold (votes.flags, one VoteFlagged per
-- vote); the ledger folds them into one reviewable group per (poll, subject kind, subject), which an admin confirms
-- (the group's votes are voided by a VotesVoided on poll-events) or dismisses. The table is a fold of votes.flags
-- plus the review's decision: the votes themselves are never touched here.
CREATE TABLE flags (
    -- Derived from (poll, subject, subject_key) alone, so a ledger folding the same flags (a rebuild) names the
    -- group the same way and a VotesVoided's flagId still points at it.
    flag_id     text PRIMARY KEY,
    poll_id     text             NOT NULL,
    subject     text             NOT NULL CHECK (subject IN ('prefix', 'device', 'voter')),
    subject_key text             NOT NULL,
    -- The highest score any flagged vote of the group had, and that vote's reasons (strongest first).
    score       double precision NOT NULL,
    reasons     text[]           NOT NULL,
    -- Distinct flagged votes (flagged_votes rows): a redelivered flag counts nothing twice.
    vote_count  integer          NOT NULL DEFAULT 0,
    first_seen  timestamptz      NOT NULL,
    last_seen   timestamptz      NOT NULL,
    status      text             NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
    reviewed_by text             NULL,
    reviewed_at timestamptz      NULL,
    note        text             NULL,
    -- How many vote ids the confirm's VotesVoided named (recorded, not yet voided votes of the poll at that time).
    voided_votes integer         NULL,
    CONSTRAINT flags_one_per_subject UNIQUE (poll_id, subject, subject_key)
);
-- GET /api/v1/polls/{id}/flags: a poll's flags, worst first.
CREATE INDEX flags_by_poll ON flags (poll_id, score DESC, vote_count DESC);

CREATE TABLE flagged_votes (
    flag_id    text        NOT NULL REFERENCES flags (flag_id),
    -- The flagged vote's event id, which is its receipt id and votes.event_id once recorded.
    vote_id    uuid        NOT NULL,
    flagged_at timestamptz NOT NULL,
    PRIMARY KEY (flag_id, vote_id)
);

-- Privileges: infra's bootstrap gives votes_ledger SELECT, INSERT, UPDATE and votes_reader SELECT on every table a
-- migration creates (default privileges, V7's header); rows are never deleted, so nothing more is granted here.
