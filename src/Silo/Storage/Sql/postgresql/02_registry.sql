-- The city register (Governance.Grains.Storage.IRegistryStore): one JSON body per (kind, id),
-- listed per cell, so the index leads with (kind, cell) and carries id for the ORDER BY.
-- COLLATE "C" makes ids sort by code point, the same order SQLite gives, whatever the database locale.
CREATE TABLE IF NOT EXISTS gov_registry
(
    kind text COLLATE "C" NOT NULL,
    id   text COLLATE "C" NOT NULL,
    cell text COLLATE "C" NULL,
    body text             NOT NULL,
    CONSTRAINT gov_registry_pk PRIMARY KEY (kind, id)
);

CREATE INDEX IF NOT EXISTS ix_gov_registry_kind_cell ON gov_registry (kind, cell, id);
