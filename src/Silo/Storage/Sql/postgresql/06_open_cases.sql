-- The cases each cell lists as open, one row each (see Storage/OpenCases): a cell stores the rows that changed instead
-- of its whole list at every checkpoint, and a merge zone builds its index from the rows registered in it.
-- Times are UTC ticks. How many reports a case has is counted from gov_report_link.
CREATE TABLE IF NOT EXISTS gov_open_case
(
    service_id        TEXT COLLATE "C" NOT NULL,
    case_id           TEXT COLLATE "C" NOT NULL,
    cell_id           TEXT COLLATE "C" NOT NULL,
    category          TEXT    NOT NULL,
    status            INTEGER NOT NULL,
    opened_at         BIGINT  NOT NULL,
    headline          TEXT    NOT NULL,
    latitude          DOUBLE PRECISION NOT NULL,
    longitude         DOUBLE PRECISION NOT NULL,
    first_reported_at BIGINT  NOT NULL,
    merge_zone        TEXT COLLATE "C",
    merges_until      BIGINT,
    -- The first report's whole description, which a case grain is first built from; null in rows saved before it was kept.
    description       TEXT,
    PRIMARY KEY (service_id, case_id)
);

-- A table made before descriptions were kept gets the column (on SQLite, see Storage/OpenCases/SqliteOpenCaseUpgrade.cs).
ALTER TABLE gov_open_case ADD COLUMN IF NOT EXISTS description TEXT;

CREATE INDEX IF NOT EXISTS gov_open_case_of_cell ON gov_open_case (service_id, cell_id);
CREATE INDEX IF NOT EXISTS gov_open_case_of_zone ON gov_open_case (service_id, merge_zone, merges_until);
