-- Flood model versions with their files (Governance.Grains.Storage.IRiskModelStore) and every promotion and rollback,
-- append-only: the active version is worked out from the promotions (RiskPromotions). Times are UTC ticks.
CREATE TABLE IF NOT EXISTS gov_risk_model
(
    version          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    registered_at    BIGINT NOT NULL,
    registered_by    TEXT NOT NULL,
    trainer          TEXT NOT NULL,
    data_fingerprint TEXT NOT NULL,
    metrics          TEXT NOT NULL,
    threshold        DOUBLE PRECISION NOT NULL,
    note             TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    size_bytes       BIGINT NOT NULL,
    file             BYTEA NOT NULL
);

CREATE TABLE IF NOT EXISTS gov_risk_promotion
(
    sequence    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version     BIGINT NOT NULL REFERENCES gov_risk_model (version),
    rollback    BOOLEAN NOT NULL,
    promoted_by TEXT NOT NULL,
    promoted_at BIGINT NOT NULL
);
