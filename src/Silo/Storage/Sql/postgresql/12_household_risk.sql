-- What the flood model needs of each household (Governance.Grains.Storage.IPeopleIndex), kept beside
-- gov_household_index by the same writes, so a storm warning reads a million households from one table rather than
-- asking a million grains. A cell's lowest household ground is the MIN over its rows.
CREATE TABLE IF NOT EXISTS gov_household_risk
(
    household_id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    cell_id      TEXT COLLATE "C" NOT NULL,
    elevation_m  DOUBLE PRECISION NOT NULL,
    storey       INTEGER NOT NULL,
    construction TEXT NOT NULL,
    dilapidated  BOOLEAN NOT NULL,
    built_year   INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_gov_household_risk_cell ON gov_household_risk (cell_id, elevation_m);
