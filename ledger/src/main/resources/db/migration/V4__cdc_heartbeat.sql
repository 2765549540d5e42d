-- The CDC relay's heartbeat: every heartbeat interval the relay's connector upserts its row here (Debezium's
-- heartbeat.action.query). The table is in the relay's publication, so the upsert is a change on the WAL stream
-- with a real LSN: it reaches the relay's offsets file and only then is confirmed to the replication slot. That is
-- what keeps the slot from pinning WAL while only tables outside the publication (votes, rejections) change,
-- without ever confirming the slot past the offset the relay stored (ledger/README.md, CDC relay). One row per
-- slot; the relay drops these rows before Kafka. Owned by the votes role, like every ledger table.
CREATE TABLE cdc_heartbeat (
    slot_name text        PRIMARY KEY,
    beat_at   timestamptz NOT NULL
);
