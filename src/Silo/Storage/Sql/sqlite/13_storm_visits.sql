-- Each visit case a storm warning opened (Governance.Grains.Storage.IStormVisitStore): the household's features as the
-- model saw them, its probability, and, once a grid worker or dispatcher records it, whether it flooded. Rows with an
-- outcome are the next training data.
CREATE TABLE IF NOT EXISTS gov_storm_visit
(
    case_id       TEXT NOT NULL PRIMARY KEY,
    warning_id    TEXT NOT NULL,
    household_id  TEXT NOT NULL,
    cell_id       TEXT NOT NULL,
    issued_at     INTEGER NOT NULL,
    model_version INTEGER NOT NULL,
    probability   REAL NOT NULL,
    features      TEXT NOT NULL,
    flooded       BOOLEAN,
    recorded_by   TEXT,
    recorded_at   INTEGER
);

CREATE INDEX IF NOT EXISTS ix_gov_storm_visit_warning ON gov_storm_visit (warning_id, case_id);
