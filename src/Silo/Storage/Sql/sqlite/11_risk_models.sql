-- Flood model versions with their files (Governance.Grains.Storage.IRiskModelStore) and every promotion and rollback,
-- append-only: the active version is worked out from the promotions (RiskPromotions). Times are UTC ticks.
CREATE TABLE IF NOT EXISTS gov_risk_model
(
    version          INTEGER PRIMARY KEY AUTOINCREMENT,
    registered_at    INTEGER NOT NULL,
    registered_by    TEXT NOT NULL,
    trainer          TEXT NOT NULL,
    data_fingerprint TEXT NOT NULL,
    metrics          TEXT NOT NULL,
    threshold        REAL NOT NULL,
    note             TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    size_bytes       INTEGER NOT NULL,
    file             BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS gov_risk_promotion
(
    sequence    INTEGER PRIMARY KEY AUTOINCREMENT,
    version     INTEGER NOT NULL REFERENCES gov_risk_model (version),
    rollback    INTEGER NOT NULL,
    promoted_by TEXT NOT NULL,
    promoted_at INTEGER NOT NULL
);
