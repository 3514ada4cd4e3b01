-- Residents' due visits, one row per service need (Governance.Grains.Storage.IPeopleIndex), kept by the resident grain:
-- due (UTC ticks) a cadence after the need's last visit. case_due_at is the due time an overdue case was opened for,
-- so one case is opened per missed visit. gov_cell_worker names each cell's grid worker.
CREATE TABLE IF NOT EXISTS gov_visit_due
(
    resident_id   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    cell_id       TEXT NOT NULL,
    name          TEXT NOT NULL,
    cadence       INTEGER NOT NULL,
    due_at        BIGINT NOT NULL,
    last_visit_at BIGINT,
    case_due_at   BIGINT,
    case_id       TEXT,
    PRIMARY KEY (resident_id, kind)
);

CREATE INDEX IF NOT EXISTS ix_gov_visit_due_cell ON gov_visit_due (cell_id, due_at, resident_id, kind);
CREATE INDEX IF NOT EXISTS ix_gov_visit_due_due ON gov_visit_due (due_at);

CREATE TABLE IF NOT EXISTS gov_cell_worker
(
    cell_id   TEXT NOT NULL PRIMARY KEY,
    worker_id TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_gov_cell_worker_worker ON gov_cell_worker (worker_id, cell_id);
