-- The city register (Governance.Grains.Storage.IRegistryStore): one JSON body per (kind, id),
-- listed per cell, so the index leads with (kind, cell) and carries id for the ORDER BY.
CREATE TABLE IF NOT EXISTS gov_registry
(
    kind TEXT NOT NULL,
    id   TEXT NOT NULL,
    cell TEXT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);

CREATE INDEX IF NOT EXISTS ix_gov_registry_kind_cell ON gov_registry (kind, cell, id);
