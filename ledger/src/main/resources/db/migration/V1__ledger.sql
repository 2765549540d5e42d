-- The ledger: polls folded from poll-events, every submitted vote either recorded (votes) or refused with a
-- reason (rejections). Written only by the ledger's batch transactions and poll handlers.

CREATE TABLE polls (
    poll_id    text PRIMARY KEY,
    title      text        NOT NULL,
    options    jsonb       NOT NULL,
    opens_at   timestamptz NULL,
    closes_at  timestamptz NULL,
    closed_at  timestamptz NULL,
    created_at timestamptz NOT NULL
);
-- GET /api/v1/polls lists newest first.
CREATE INDEX polls_newest_first ON polls (created_at DESC, poll_id DESC);

CREATE TABLE votes (
    poll_id         text        NOT NULL,
    voter_id        text        NOT NULL,
    option_id       text        NOT NULL,
    event_id        uuid        NOT NULL,
    submitted_at    timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    kafka_partition int         NOT NULL,
    kafka_offset    bigint      NOT NULL,
    -- The arbiter of "one vote per voter per poll"; also serves the per-batch prefetch by (poll, voter).
    CONSTRAINT votes_one_per_voter UNIQUE (poll_id, voter_id),
    -- A receipt id is the event id: receipts look votes up by it, and a redelivery can never insert twice.
    CONSTRAINT votes_event_id_unique UNIQUE (event_id)
);

CREATE TABLE rejections (
    event_id        uuid PRIMARY KEY,
    poll_id         text        NOT NULL,
    voter_id        text        NOT NULL,
    option_id       text        NOT NULL,
    reason          text        NOT NULL,
    submitted_at    timestamptz NOT NULL,
    rejected_at     timestamptz NOT NULL DEFAULT now(),
    kafka_partition int         NOT NULL,
    kafka_offset    bigint      NOT NULL
);
