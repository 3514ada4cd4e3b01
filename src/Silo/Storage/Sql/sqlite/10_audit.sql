-- Every read of a resident's full file (Governance.Grains.Storage.IProfileReadLog), append-only: who read whose file,
-- in which roles, through which RPC, when (UTC ticks). Listed per resident and per reader, newest first.
CREATE TABLE IF NOT EXISTS gov_profile_read
(
    sequence     INTEGER PRIMARY KEY AUTOINCREMENT,
    reader_id    TEXT NOT NULL,
    reader_name  TEXT NOT NULL,
    reader_roles TEXT NOT NULL,
    resident_id  TEXT NOT NULL,
    rpc          TEXT NOT NULL,
    read_at      INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_gov_profile_read_resident ON gov_profile_read (resident_id, sequence);
CREATE INDEX IF NOT EXISTS ix_gov_profile_read_reader ON gov_profile_read (reader_id, sequence);
