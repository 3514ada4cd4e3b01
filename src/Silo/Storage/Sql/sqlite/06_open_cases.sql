-- Every case, one row each, kept by its cell (see Storage/OpenCases): a cell stores the rows that changed instead of its
-- whole list at every checkpoint, a merge zone builds its index from the rows registered in it, and lists of cases
-- read them (07_case_list.sql indexes them). A closed case keeps its row; the table's name is from when only open
-- cases had one.
-- Times are UTC ticks. How many reports a case has is counted from gov_report_link.
CREATE TABLE IF NOT EXISTS gov_open_case
(
    service_id        TEXT    NOT NULL,
    case_id           TEXT    NOT NULL,
    cell_id           TEXT    NOT NULL,
    category          TEXT    NOT NULL,
    status            INTEGER NOT NULL,
    opened_at         INTEGER NOT NULL,
    headline          TEXT    NOT NULL,
    latitude          REAL    NOT NULL,
    longitude         REAL    NOT NULL,
    first_reported_at INTEGER NOT NULL,
    merge_zone        TEXT,
    merges_until      INTEGER,
    -- The first report's whole description, which a case grain is first built from; null in rows saved before it was kept.
    description       TEXT,
    -- What kind of matter (1: incident); where it lies, "/district/street/community/" (CityMap.AreaPath); the
    -- department it was last dispatched to; and when it is due while its handling clock runs.
    kind              INTEGER NOT NULL DEFAULT 1,
    area_path         TEXT,
    department        TEXT,
    -- What the case's evaluation counts (JSON, Contracts/Evaluation/CaseFacts), as of its latest step or rating.
    facts             TEXT,
    due_at            INTEGER,
    PRIMARY KEY (service_id, case_id)
);

CREATE INDEX IF NOT EXISTS gov_open_case_of_cell ON gov_open_case (service_id, cell_id);
CREATE INDEX IF NOT EXISTS gov_open_case_of_zone ON gov_open_case (service_id, merge_zone, merges_until);
