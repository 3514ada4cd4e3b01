-- Every report that reached a case, one row each (see Storage/ReportLinks): a case's reporters, and where a
-- duplicate went, so that its retry finds the case long after the cell forgot it. Rows are only ever added.
-- In a SQLite file the links are kept in segments, tables gov_report_link_1, _2, … of at most 200,000 links each that the
-- store creates (Storage/ReportLinks/SqliteLinkSegments.cs): report ids are hashes, and inserts into one ever larger
-- index grew dearer with it. This catalog lists them; report_filter is null for the open segment, the last, and holds
-- a filter of the report ids in each sealed one. A file with one gov_report_link table (earlier versions) has it made
-- segment 1 at start (Storage/ReportLinks/SqliteReportLinkUpgrade.cs).
CREATE TABLE IF NOT EXISTS gov_report_link_segment
(
    segment       INTEGER PRIMARY KEY,
    report_filter BLOB
);
