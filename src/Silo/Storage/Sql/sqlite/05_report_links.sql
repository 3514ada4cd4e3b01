-- Every report that reached a case, one row each (see Storage/ReportLinks): a case's reporters, and where a
-- duplicate went, so that its retry finds the case long after the cell forgot it. Rows are only ever added.
-- A rowid table: rows are appended at its end, and only the two narrow indexes take inserts at random places (report
-- and case ids are hashes). A table keyed by report id itself, as before, put every whole row at a random place.
-- A file with that layout is moved to this one at start (Storage/ReportLinks/SqliteReportLinkUpgrade.cs).
CREATE TABLE IF NOT EXISTS gov_report_link
(
    service_id  TEXT    NOT NULL,
    report_id   TEXT    NOT NULL,
    case_id     TEXT    NOT NULL,
    case_cell   TEXT    NOT NULL,
    reporter_id TEXT    NOT NULL,
    channel     INTEGER NOT NULL,
    external_id TEXT    NOT NULL,
    reported_at INTEGER NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS gov_report_link_of_report ON gov_report_link (service_id, report_id);
CREATE INDEX IF NOT EXISTS gov_report_link_of_case ON gov_report_link (service_id, case_id);
