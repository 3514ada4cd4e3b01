-- The intake journal: every acknowledged report until its effects are stored in grain state (see
-- Governance.Intake). One journal per writing process (column journal), a dense sequence within it.
CREATE TABLE IF NOT EXISTS gov_intake_journal
(
    journal TEXT COLLATE "C" NOT NULL,
    seq     BIGINT NOT NULL,
    cell    TEXT COLLATE "C" NOT NULL,
    body    TEXT NOT NULL,
    PRIMARY KEY (journal, seq)
);

-- Up to which sequence each journal's effects are stored; what follows is replayed at start.
CREATE TABLE IF NOT EXISTS gov_intake_checkpoint
(
    journal TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    seq     BIGINT NOT NULL
);
