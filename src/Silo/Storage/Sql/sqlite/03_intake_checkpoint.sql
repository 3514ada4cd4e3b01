-- Up to which sequence each intake journal's effects are stored; what follows is replayed at start. The journal
-- itself has a file of its own (sqlite_journal/), but its checkpoint is written here, after the grain state it
-- vouches for, in the same write-ahead log: the synced commit that records it makes those writes durable too.
CREATE TABLE IF NOT EXISTS gov_intake_checkpoint
(
    journal TEXT    NOT NULL PRIMARY KEY,
    seq     INTEGER NOT NULL
);
