-- Whether poll-events already holds this poll's PollClosed (set by the projector when it applies one). The ledger's
-- deadline timer appends the close of every poll whose closes_at passed, or whose close was fixed here but never
-- reached the log (the admin's append failed), until the projector has seen it: a poll is final without waiting
-- for another poll event (issue 8). Closed polls of an older ledger start false: their close is appended once more
-- (the same closedAt; folding it again changes nothing).
ALTER TABLE polls ADD COLUMN close_logged boolean NOT NULL DEFAULT false;
CREATE INDEX polls_close_pending ON polls (closes_at) WHERE NOT close_logged;
