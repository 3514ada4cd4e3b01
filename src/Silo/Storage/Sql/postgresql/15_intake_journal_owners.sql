-- Cluster mode (Orleans:Membership=adonet): which silo writes each intake journal, or replays it after the silo that
-- wrote it died. The owner is the silo's Orleans address with its generation, so a restarted silo is a new owner.
-- A row is dropped once a survivor has replayed and checkpointed a dead silo's journal (Governance.Silo.Cluster).
CREATE TABLE IF NOT EXISTS gov_intake_journal_owner
(
    journal TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    silo    TEXT NOT NULL,
    since   TIMESTAMPTZ NOT NULL
);

-- A standalone gateway (an Orleans client, absent from the membership table) holds its journal by a lease it renews:
-- when lease_until has passed, a silo takes the journal as it takes a dead silo's. NULL for silos, whose liveness is
-- the membership table's.
ALTER TABLE gov_intake_journal_owner ADD COLUMN IF NOT EXISTS lease_until TIMESTAMPTZ;
