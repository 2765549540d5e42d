-- Issue 14, traces: the W3C traceparent of one sampled vote among those a delta counts (NULL when none was sampled,
-- which is almost always: 1 % by default, and none at all while the stack runs without a trace backend). The relay
-- moves it into a record header on ledger.tally-deltas, so projections and realtime continue that vote's trace. One
-- per delta: a delta sums a batch, and a row carries one trace, not a link to each of its votes.
ALTER TABLE tally_deltas ADD COLUMN traceparent text NULL;
