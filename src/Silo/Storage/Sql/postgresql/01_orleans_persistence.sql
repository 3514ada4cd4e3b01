-- Orleans ADO.NET grain persistence for PostgreSQL (invariant "Npgsql").
-- Written for Orleans 10.4.2: the provider reads the OrleansQuery rows below at start and binds
-- @GrainIdHash (int4), @GrainIdN0 / @GrainIdN1 (int8), @GrainTypeHash (int4), @GrainTypeString (the state name),
-- @GrainIdExtensionString (the string key), @ServiceId (text), @GrainStateVersion (int4, the ETag; NULL before the
-- first write) and, for writes, @PayloadBinary (bytea; System.Text.Json bytes here). It reads PayloadBinary and
-- Version, and NewGrainStateVersion from writes and clears.
--
-- Contract of write/clear: exactly one row. The new version on success; on a lost race the unchanged
-- @GrainStateVersion (or NULL for a first write), which Orleans turns into an InconsistentStateException.
--
-- Applying this file again is a no-op: IF NOT EXISTS, CREATE OR REPLACE FUNCTION and an upsert of the query rows.
-- The installer runs it in one transaction under an advisory lock, so concurrent silos do not race.
-- OrleansQuery is shared with the clustering and reminders providers: their scripts only add rows later.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_key PRIMARY KEY (querykey)
);

CREATE TABLE IF NOT EXISTS orleansstorage
(
    -- Hashes computed by Orleans keep the lookup index narrow; the clear-text columns resolve hash collisions.
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512) NULL,
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea        NULL,
    modifiedon             timestamptz  NOT NULL DEFAULT now(),
    version                integer      NULL
);

CREATE INDEX IF NOT EXISTS ix_orleansstorage ON orleansstorage USING btree (grainidhash, graintypehash);

CREATE OR REPLACE FUNCTION orleans_write_to_storage(
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_type_hash  integer,
    p_grain_type       text,
    p_grain_key        text,
    p_service_id       text,
    p_expected_version integer,
    p_payload          bytea)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
AS $fn$
DECLARE
    affected integer;
BEGIN
    IF p_expected_version IS NOT NULL THEN
        UPDATE orleansstorage
        SET payloadbinary = p_payload, modifiedon = now(), version = version + 1
        WHERE grainidhash = p_grain_id_hash AND graintypehash = p_grain_type_hash
          AND grainidn0 = p_grain_id_n0 AND grainidn1 = p_grain_id_n1
          AND graintypestring = p_grain_type
          AND grainidextensionstring IS NOT DISTINCT FROM p_grain_key
          AND serviceid = p_service_id
          AND version = p_expected_version;
        GET DIAGNOSTICS affected = ROW_COUNT;
        -- Unchanged version = someone else wrote first.
        RETURN CASE WHEN affected > 0 THEN p_expected_version + 1 ELSE p_expected_version END;
    END IF;

    -- First write. Without a unique key two concurrent first writes could both insert; the transaction-scoped
    -- advisory lock on the two hashes serializes them (the lock is released when the statement's transaction ends).
    PERFORM pg_advisory_xact_lock(p_grain_id_hash, p_grain_type_hash);

    INSERT INTO orleansstorage
        (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid,
         payloadbinary, modifiedon, version)
    SELECT p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type, p_grain_key, p_service_id,
           p_payload, now(), 1
    WHERE NOT EXISTS (
        SELECT 1 FROM orleansstorage
        WHERE grainidhash = p_grain_id_hash AND graintypehash = p_grain_type_hash
          AND grainidn0 = p_grain_id_n0 AND grainidn1 = p_grain_id_n1
          AND graintypestring = p_grain_type
          AND grainidextensionstring IS NOT DISTINCT FROM p_grain_key
          AND serviceid = p_service_id);
    GET DIAGNOSTICS affected = ROW_COUNT;
    RETURN CASE WHEN affected > 0 THEN 1 ELSE NULL END;
END
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', $q$
SELECT payloadbinary AS "PayloadBinary", version AS "Version"
FROM orleansstorage
WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
  AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
  AND graintypestring = @GrainTypeString
  AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
  AND serviceid = @ServiceId
LIMIT 1;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', $q$
SELECT orleans_write_to_storage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
    @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS "NewGrainStateVersion";
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleansstorage
    SET payloadbinary = NULL, modifiedon = now(), version = version + 1
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND serviceid = @ServiceId
      AND version = @GrainStateVersion
    RETURNING 1)
SELECT CASE WHEN EXISTS (SELECT 1 FROM cleared) THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END
    AS "NewGrainStateVersion";
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Used only when AdoNetGrainStorageOptions.DeleteStateOnClear is set.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM orleansstorage
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND serviceid = @ServiceId
      AND version = @GrainStateVersion
    RETURNING 1)
SELECT CASE WHEN EXISTS (SELECT 1 FROM deleted) THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END
    AS "NewGrainStateVersion";
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
