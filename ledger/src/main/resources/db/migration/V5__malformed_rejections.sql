-- A poison record of votes.submitted that carries an event id is rejected as 'malformed' (issue 8): the row keeps
-- each field the record carries in a form PostgreSQL can store, NULL otherwise, so a record whose voter id holds a
-- NUL byte (SQLSTATE 22021 before this) is a verdict instead of a batch retried for ever. Votes keep NOT NULL: only
-- storable fields ever reach them. (V4 is left to the CDC relay's heartbeat table.)
ALTER TABLE rejections
    ALTER COLUMN poll_id DROP NOT NULL,
    ALTER COLUMN voter_id DROP NOT NULL,
    ALTER COLUMN option_id DROP NOT NULL,
    ALTER COLUMN submitted_at DROP NOT NULL;
