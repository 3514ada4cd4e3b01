-- Orleans ADO.NET reminders for PostgreSQL (invariant "Npgsql"), used when Orleans:Membership is "adonet": the cluster's
-- watches (overdue cases, missed visits) run where their reminder fires, once per period for the whole cluster, and a
-- reminder outlives the silo that last ran it.
-- Written for Orleans 10.4.2 (Microsoft.Orleans.Reminders.AdoNet). At start the provider reads every OrleansQuery row
-- (01_orleans_persistence.sql creates the table) and needs the seven keys below. It binds @ServiceId (text),
-- @GrainId (text, the grain id's string form), @ReminderName (text), @StartTime (timestamp, UTC), @Period (the period in
-- milliseconds, int4, or int8 past int4), @GrainHash, @BeginHash and @EndHash (int4: the uint hash cast to int) and
-- @Version (int4, the row's etag). It reads the result columns by name, hence the quoted aliases.
--
-- Writes are optimistic: an upsert answers the row's new version, and a delete removes the row only when @Version is
-- still its version, answering 1 if it did and 0 if not.
--
-- Applying this file again is a no-op apart from replacing query texts and functions with the ones written here.

CREATE TABLE IF NOT EXISTS orleansreminderstable
(
    serviceid    varchar(150)   NOT NULL,
    grainid      varchar(150)   NOT NULL,
    remindername varchar(150)   NOT NULL,
    starttime    timestamptz(3) NOT NULL,
    -- Milliseconds.
    period       bigint         NOT NULL,
    -- Where the grain lies on the cluster's hash ring: each silo's reminder service reads the rows of its own range.
    grainhash    integer        NOT NULL,
    version      integer        NOT NULL,
    CONSTRAINT pk_orleansreminderstable PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX IF NOT EXISTS ix_orleansreminderstable_grainhash ON orleansreminderstable (serviceid, grainhash);

-- Inserts a reminder at version 0 or replaces its schedule and bumps its version; answers the version now stored.
CREATE OR REPLACE FUNCTION orleans_upsert_reminder(
    p_service_id text, p_grain_id text, p_reminder_name text, p_start_time timestamptz, p_period bigint, p_grain_hash integer)
RETURNS integer
LANGUAGE sql
VOLATILE
AS $fn$
    INSERT INTO orleansreminderstable (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES (p_service_id, p_grain_id, p_reminder_name, p_start_time, p_period, p_grain_hash, 0)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
        SET starttime = excluded.starttime, period = excluded.period, grainhash = excluded.grainhash,
            version = orleansreminderstable.version + 1
    RETURNING version;
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpsertReminderRowKey', $q$
SELECT orleans_upsert_reminder(@ServiceId, @GrainId, @ReminderName, @StartTime, CAST(@Period AS bigint), @GrainHash) AS "Version";
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- A grain's reminders.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowsKey', $q$
SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime", period AS "Period", version AS "Version"
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainid = @GrainId;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- One reminder of a grain.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowKey', $q$
SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime", period AS "Period", version AS "Version"
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- A silo's range of the ring, (@BeginHash, @EndHash], when it does not wrap round...
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows1Key', $q$
SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime", period AS "Period", version AS "Version"
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- ...and when it does: above @BeginHash, or up to @EndHash.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows2Key', $q$
SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime", period AS "Period", version AS "Version"
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash);
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName AND version = @Version
    RETURNING 1)
SELECT CAST(count(*) AS integer) FROM deleted;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Every reminder of a service (Orleans' tests use it; nothing here calls it).
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowsKey', $q$
DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
