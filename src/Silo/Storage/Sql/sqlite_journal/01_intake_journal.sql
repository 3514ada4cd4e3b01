-- The intake journal: every acknowledged report until its effects are stored in grain state (see
-- Governance.Intake). One journal per writing process (column journal), a dense sequence within it.
-- On SQLite it lives in a file of its own (<name>.journal.db, see Storage/SqliteJournalFile.cs): SQLite has one
-- write lock per file, and the group commit every ack waits for must not queue behind a checkpoint's writes.
-- The checkpoint stays in the main file (sqlite/03_intake_checkpoint.sql).
CREATE TABLE IF NOT EXISTS gov_intake_journal
(
    journal TEXT    NOT NULL,
    seq     INTEGER NOT NULL,
    cell    TEXT    NOT NULL,
    body    TEXT    NOT NULL,
    PRIMARY KEY (journal, seq)
) WITHOUT ROWID;
