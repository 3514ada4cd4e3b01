-- State of the grains on the intake hot path (cells, cases), written by group commit: many grains' writes
-- in one transaction (see Storage/LiveState). The version is the ETag; a write names the version it read.
-- A rowid table, not WITHOUT ROWID: payloads run to kilobytes, and in a WITHOUT ROWID table they would sit in the
-- key's own b-tree and spread every lookup over many more pages.
CREATE TABLE IF NOT EXISTS gov_grain_state
(
    service_id TEXT    NOT NULL,
    state_name TEXT    NOT NULL,
    grain_id   TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    payload    TEXT    NOT NULL,
    PRIMARY KEY (service_id, state_name, grain_id)
);
