-- Every read of a resident's full file (Governance.Grains.Storage.IProfileReadLog), append-only: who read whose file,
-- in which roles, through which RPC, when (UTC ticks). Listed per resident and per reader, newest first.
CREATE TABLE IF NOT EXISTS gov_profile_read
(
    sequence     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reader_id    TEXT COLLATE "C" NOT NULL,
    reader_name  TEXT NOT NULL,
    reader_roles TEXT NOT NULL,
    resident_id  TEXT COLLATE "C" NOT NULL,
    rpc          TEXT NOT NULL,
    read_at      BIGINT NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_gov_profile_read_resident ON gov_profile_read (resident_id, sequence);
CREATE INDEX IF NOT EXISTS ix_gov_profile_read_reader ON gov_profile_read (reader_id, sequence);
