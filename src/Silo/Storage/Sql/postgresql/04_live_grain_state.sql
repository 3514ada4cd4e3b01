-- State of the grains on the intake hot path (cells, cases), written by group commit: many grains' writes
-- in one transaction (see Storage/LiveState). The version is the ETag; a write names the version it read.
CREATE TABLE IF NOT EXISTS gov_grain_state
(
    service_id TEXT COLLATE "C" NOT NULL,
    state_name TEXT COLLATE "C" NOT NULL,
    grain_id   TEXT COLLATE "C" NOT NULL,
    version    BIGINT NOT NULL,
    payload    TEXT   NOT NULL,
    PRIMARY KEY (service_id, state_name, grain_id)
);
