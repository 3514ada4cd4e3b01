-- Every report that reached a case, one row each (see Storage/ReportLinks): a case's reporters, and where a
-- duplicate went, so that its retry finds the case long after the cell forgot it. Rows are only ever added.
-- WITHOUT ROWID: rows are small, and an insert then touches the key's b-tree and the case index, not a third tree.
CREATE TABLE IF NOT EXISTS gov_report_link
(
    service_id  TEXT    NOT NULL,
    report_id   TEXT    NOT NULL,
    case_id     TEXT    NOT NULL,
    case_cell   TEXT    NOT NULL,
    reporter_id TEXT    NOT NULL,
    channel     INTEGER NOT NULL,
    external_id TEXT    NOT NULL,
    reported_at INTEGER NOT NULL,
    PRIMARY KEY (service_id, report_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS gov_report_link_by_case ON gov_report_link (service_id, case_id, reported_at);
