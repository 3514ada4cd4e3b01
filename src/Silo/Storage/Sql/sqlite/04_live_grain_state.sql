-- State of the grains on the intake hot path (cells, cases), written by group commit: many grains' writes
-- in one transaction (see Storage/LiveState). The version is the ETag; a write names the version it read.
CREATE TABLE IF NOT EXISTS gov_grain_state
(
    service_id TEXT    NOT NULL,
    state_name TEXT    NOT NULL,
    grain_id   TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    payload    TEXT    NOT NULL,
    PRIMARY KEY (service_id, state_name, grain_id)
) WITHOUT ROWID;
