-- Cluster mode (Orleans:Membership=adonet): which silo writes each intake journal, or replays it after the silo that
-- wrote it died. The owner is the silo's Orleans address with its generation, so a restarted silo is a new owner.
-- A row is dropped once a survivor has replayed and checkpointed a dead silo's journal (Governance.Silo.Cluster).
CREATE TABLE IF NOT EXISTS gov_intake_journal_owner
(
    journal TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    silo    TEXT NOT NULL,
    since   TIMESTAMPTZ NOT NULL
);
