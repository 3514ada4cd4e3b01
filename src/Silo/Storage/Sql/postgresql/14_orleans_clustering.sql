-- Orleans ADO.NET clustering (membership) for PostgreSQL (invariant "Npgsql"), used when Orleans:Membership is "adonet".
-- Written for Orleans 10.4.2 (Microsoft.Orleans.Clustering.AdoNet). At start the provider reads every OrleansQuery row
-- (01_orleans_persistence.sql creates the table) and refuses to start when one of its keys is missing. It binds
-- @DeploymentId (text: the ClusterId), @Address (text: the silo's IP), @Port, @Generation, @Status, @ProxyPort
-- (int4), @SiloName, @HostName, @SuspectTimes (text), @StartTime, @IAmAliveTime (timestamptz, UTC) and @Version (int4,
-- the table version the silo last read). It reads the result columns by name, hence the quoted aliases.
--
-- Status values are Orleans' SiloStatus: 1 Created, 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead.
--
-- Writes are optimistic: a membership change succeeds only when @Version still matches the version row, and then
-- bumps it; the row's lock serializes concurrent silos. A write answers one row and one column, 1 when it happened and
-- 0 when it lost the race (Orleans then re-reads the table and tries again).
--
-- Applying this file again is a no-op apart from replacing query texts and functions with the ones written here.

CREATE TABLE IF NOT EXISTS orleansmembershipversiontable
(
    -- One row per cluster id; its version is the whole table's optimistic-concurrency token.
    deploymentid varchar(150)   NOT NULL,
    "timestamp"  timestamptz(3) NOT NULL DEFAULT now(),
    version      integer        NOT NULL DEFAULT 0,
    CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (deploymentid)
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable
(
    -- One row per silo incarnation: address, port and generation (the start time in seconds) identify it.
    deploymentid varchar(150)   NOT NULL,
    address      varchar(45)    NOT NULL,
    port         integer        NOT NULL,
    generation   integer        NOT NULL,
    siloname     varchar(150)   NOT NULL,
    hostname     varchar(150)   NOT NULL,
    status       integer        NOT NULL,
    proxyport    integer        NULL,
    suspecttimes varchar(8000)  NULL,
    starttime    timestamptz(3) NOT NULL,
    iamalivetime timestamptz(3) NOT NULL,
    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid)
);

-- Bumps the cluster's table version if it is still the one the silo read; false when another silo changed it first.
-- The version row is written first in every change: its lock makes a second writer with the same token wait, then
-- find it stale. Called inside the changes' blocks, so a change undone also undoes its bump.
CREATE OR REPLACE FUNCTION orleans_bump_membership_version(p_deployment_id text, p_version integer)
RETURNS boolean
LANGUAGE plpgsql
VOLATILE
AS $fn$
DECLARE
    affected integer;
BEGIN
    UPDATE orleansmembershipversiontable
    SET "timestamp" = now(), version = version + 1
    WHERE deploymentid = p_deployment_id AND version = p_version;
    GET DIAGNOSTICS affected = ROW_COUNT;
    RETURN affected = 1;
END;
$fn$;

-- Adds a silo's row and bumps the version, both or neither.
CREATE OR REPLACE FUNCTION orleans_insert_membership(
    p_deployment_id text,
    p_address       text,
    p_port          integer,
    p_generation    integer,
    p_silo_name     text,
    p_host_name     text,
    p_status        integer,
    p_proxy_port    integer,
    p_start_time    timestamptz,
    p_i_am_alive    timestamptz,
    p_version       integer)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
AS $fn$
DECLARE
    affected integer;
BEGIN
    BEGIN
        IF NOT orleans_bump_membership_version(p_deployment_id, p_version) THEN
            RETURN 0;
        END IF;

        INSERT INTO orleansmembershiptable
            (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
        VALUES
            (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
             p_start_time, p_i_am_alive)
        ON CONFLICT (deploymentid, address, port, generation) DO NOTHING;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            -- The row is already there: undo the version bump by leaving the block through its handler.
            RAISE EXCEPTION 'membership row exists' USING ERRCODE = 'GV001';
        END IF;
    EXCEPTION
        WHEN SQLSTATE 'GV001' THEN
            RETURN 0;
    END;

    RETURN 1;
END;
$fn$;

-- Changes a silo's status and suspicions and bumps the version, both or neither.
CREATE OR REPLACE FUNCTION orleans_update_membership(
    p_deployment_id text,
    p_address       text,
    p_port          integer,
    p_generation    integer,
    p_status        integer,
    p_suspect_times text,
    p_i_am_alive    timestamptz,
    p_version       integer)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
AS $fn$
DECLARE
    affected integer;
BEGIN
    BEGIN
        IF NOT orleans_bump_membership_version(p_deployment_id, p_version) THEN
            RETURN 0;
        END IF;

        UPDATE orleansmembershiptable
        SET status = p_status, suspecttimes = p_suspect_times, iamalivetime = p_i_am_alive
        WHERE deploymentid = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RAISE EXCEPTION 'membership row missing' USING ERRCODE = 'GV001';
        END IF;
    EXCEPTION
        WHEN SQLSTATE 'GV001' THEN
            RETURN 0;
    END;

    RETURN 1;
END;
$fn$;

-- A heartbeat: touches only the silo's own row, never the version.
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateIAmAlivetimeKey', $q$
UPDATE orleansmembershiptable
SET iamalivetime = @IAmAliveTime
WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- The first silo of a cluster id creates its version row; later ones find it there (answer 0, which is fine).
INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO orleansmembershipversiontable (deploymentid)
    VALUES (@DeploymentId)
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING 1)
SELECT count(*)::integer AS "RowCount" FROM inserted;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipKey', $q$
SELECT orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
    @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "RowCount";
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateMembershipKey', $q$
SELECT orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
    @IAmAliveTime, @Version) AS "RowCount";
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- One silo's row with the table version; the outer join answers the version even before the silo has a row.
INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadRowKey', $q$
SELECT v.deploymentid AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.siloname AS "SiloName", m.hostname AS "HostName", m.status AS "Status", m.proxyport AS "ProxyPort",
       m.suspecttimes AS "SuspectTimes", m.starttime AS "StartTime", m.iamalivetime AS "IAmAliveTime",
       v.version AS "Version"
FROM orleansmembershipversiontable v
LEFT JOIN orleansmembershiptable m
    ON m.deploymentid = v.deploymentid
   AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deploymentid = @DeploymentId;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadAllKey', $q$
SELECT v.deploymentid AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.siloname AS "SiloName", m.hostname AS "HostName", m.status AS "Status", m.proxyport AS "ProxyPort",
       m.suspecttimes AS "SuspectTimes", m.starttime AS "StartTime", m.iamalivetime AS "IAmAliveTime",
       v.version AS "Version"
FROM orleansmembershipversiontable v
LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
WHERE v.deploymentid = @DeploymentId;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Forgets a whole cluster id (tests and tooling; a running silo never calls it).
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Where external clients (a standalone gateway) find silos: @Status is Active.
INSERT INTO orleansquery (querykey, querytext) VALUES ('GatewaysQueryKey', $q$
SELECT address AS "Address", proxyport AS "ProxyPort", generation AS "Generation"
FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Removes dead silos last heard of before @IAmAliveTime, never one still suspected or alive.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId
  AND status = 6
  AND iamalivetime < @IAmAliveTime
  AND starttime < @IAmAliveTime
  AND COALESCE(suspecttimes, '') = '';
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- The single-row form 10.4.2 prefers when present: deletes the dead row only if it is still exactly as read.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND status = 6
  AND address = @Address AND port = @Port AND generation = @Generation
  AND iamalivetime = @IAmAliveTime AND starttime = @StartTime
  AND COALESCE(suspecttimes, '') = COALESCE(CAST(@SuspectTimes AS text), '');
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
