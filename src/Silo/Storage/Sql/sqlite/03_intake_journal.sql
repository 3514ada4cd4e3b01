-- The intake journal: every acknowledged report until its effects are stored in grain state (see
-- Governance.Intake). One journal per writing process (column journal), a dense sequence within it.
CREATE TABLE IF NOT EXISTS gov_intake_journal
(
    journal TEXT    NOT NULL,
    seq     INTEGER NOT NULL,
    cell    TEXT    NOT NULL,
    body    TEXT    NOT NULL,
    PRIMARY KEY (journal, seq)
) WITHOUT ROWID;

-- Up to which sequence each journal's effects are stored; what follows is replayed at start.
CREATE TABLE IF NOT EXISTS gov_intake_checkpoint
(
    journal TEXT    NOT NULL PRIMARY KEY,
    seq     INTEGER NOT NULL
);
