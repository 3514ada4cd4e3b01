-- Every case, one row each, kept by its cell (see Storage/OpenCases): a cell stores the rows that changed instead of its
-- whole list at every checkpoint, a merge zone builds its index from the rows registered in it, and lists of cases
-- read them (07_case_list.sql indexes them). A closed case keeps its row; the table's name is from when only open
-- cases had one.
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
    -- What kind of matter (1: incident); where it lies, "/district/street/community/" (CityMap.AreaPath); the
    -- department it was last dispatched to; and when it is due while its handling clock runs.
    kind              INTEGER NOT NULL DEFAULT 1,
    area_path         TEXT COLLATE "C",
    department        TEXT COLLATE "C",
    -- What the case's evaluation counts (JSON, Contracts/Evaluation/CaseFacts), as of its latest step or rating.
    facts             TEXT,
    due_at            BIGINT,
    PRIMARY KEY (service_id, case_id)
);

-- A table made by an earlier version gets the columns added since (on SQLite, see Storage/OpenCases/SqliteOpenCaseUpgrade.cs).
ALTER TABLE gov_open_case ADD COLUMN IF NOT EXISTS description TEXT;
ALTER TABLE gov_open_case ADD COLUMN IF NOT EXISTS kind INTEGER NOT NULL DEFAULT 1;
ALTER TABLE gov_open_case ADD COLUMN IF NOT EXISTS area_path TEXT COLLATE "C";
ALTER TABLE gov_open_case ADD COLUMN IF NOT EXISTS department TEXT COLLATE "C";
ALTER TABLE gov_open_case ADD COLUMN IF NOT EXISTS due_at BIGINT;
ALTER TABLE gov_open_case ADD COLUMN IF NOT EXISTS facts TEXT;

CREATE INDEX IF NOT EXISTS gov_open_case_of_cell ON gov_open_case (service_id, cell_id);
CREATE INDEX IF NOT EXISTS gov_open_case_of_zone ON gov_open_case (service_id, merge_zone, merges_until);
