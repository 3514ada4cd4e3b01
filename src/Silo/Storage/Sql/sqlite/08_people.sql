-- The rows residents and households are searched by (Governance.Grains.Storage.IPeopleIndex), kept by their grains and
-- filled from the city register at start. A resident's tags are one string, "|tag|tag|", so a tag is LIKE '%|tag|%';
-- an ID number is kept only as its hash, unique across files.
CREATE TABLE IF NOT EXISTS gov_resident_index
(
    resident_id    TEXT NOT NULL PRIMARY KEY,
    household_id   TEXT NOT NULL,
    cell_id        TEXT NOT NULL,
    name           TEXT NOT NULL,
    tags           TEXT NOT NULL,
    id_number_hash TEXT NOT NULL UNIQUE
);

-- Searches by cell, by household and by the start of a name, each in the order pages are read: name, then id.
CREATE INDEX IF NOT EXISTS ix_gov_resident_cell ON gov_resident_index (cell_id, name, resident_id);
CREATE INDEX IF NOT EXISTS ix_gov_resident_household ON gov_resident_index (household_id, name, resident_id);
CREATE INDEX IF NOT EXISTS ix_gov_resident_name ON gov_resident_index (name, resident_id);

CREATE TABLE IF NOT EXISTS gov_household_index
(
    household_id TEXT NOT NULL PRIMARY KEY,
    cell_id      TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_gov_household_cell ON gov_household_index (cell_id, household_id);
