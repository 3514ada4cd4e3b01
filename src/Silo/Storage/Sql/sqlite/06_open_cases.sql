-- The cases each cell lists as open, one row each (see Storage/OpenCases): a cell stores the rows that changed instead
-- of its whole list at every checkpoint, and a merge zone builds its index from the rows registered in it.
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
    PRIMARY KEY (service_id, case_id)
);

CREATE INDEX IF NOT EXISTS gov_open_case_of_cell ON gov_open_case (service_id, cell_id);
CREATE INDEX IF NOT EXISTS gov_open_case_of_zone ON gov_open_case (service_id, merge_zone, merges_until);
