using Governance.Silo.Storage;
using Governance.TestSupport;

namespace Governance.Silo.Tests.Storage;

[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresSchemaInstallerTests(PostgresFixture postgres) : SchemaInstallerContract
{
    /// <summary>
    /// What Microsoft.Orleans.Clustering.AdoNet 10.4.2 reads at start (its DbStoredQueries: the nine it requires and
    /// CleanupDefunctSiloEntryKey, which it uses when present).
    /// </summary>
    private static readonly string[] ClusteringQueryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
        "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey",
        "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
    ];

    /// <summary>What Microsoft.Orleans.Reminders.AdoNet 10.4.2 reads at start.</summary>
    private static readonly string[] ReminderQueryKeys =
    [
        "DeleteReminderRowKey", "DeleteReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "ReadReminderRowsKey", "UpsertReminderRowKey",
    ];

    protected override IReadOnlyList<string> ExpectedQueryKeys =>
        [.. PersistenceQueryKeys.Concat(ClusteringQueryKeys).Concat(ReminderQueryKeys).Order(StringComparer.Ordinal)];

    protected override Task<StorageTarget> NewTargetAsync() => StorageTarget.NewPostgresAsync(postgres);

    [SkippableFact]
    public async Task Apply_Twice_KeepsMembershipRowsAndEveryClusteringQuery()
    {
        PostgresAvailability.SkipIfMissing();
        using var target = await NewTargetAsync();
        await SchemaInstaller.ApplyAsync(target.Options);
        await Sql.ExecuteAsync(target.Connection, """
            INSERT INTO orleansmembershipversiontable (deploymentid, version) VALUES ('c1', 4);
            INSERT INTO orleansmembershiptable (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
            VALUES ('c1', '127.0.0.1', 11111, 1, 'a', 'h', 3, 30000, now(), now());
            """);

        await SchemaInstaller.ApplyAsync(target.Options);

        Assert.Equal(4, Convert.ToInt32(await Sql.ScalarAsync(target.Connection, "SELECT version FROM orleansmembershipversiontable WHERE deploymentid = 'c1'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1L, Convert.ToInt64(await Sql.ScalarAsync(target.Connection, "SELECT COUNT(*) FROM orleansmembershiptable WHERE status = 3"), System.Globalization.CultureInfo.InvariantCulture));
        var keys = (await Sql.QueryAsync(target.Connection, "SELECT querykey FROM orleansquery")).Select(row => (string)row[0]!).ToHashSet();
        Assert.All(ClusteringQueryKeys, key => Assert.Contains(key, keys));
    }

    [SkippableFact]
    public async Task InsertMembership_WithAStaleVersion_ChangesNothing()
    {
        PostgresAvailability.SkipIfMissing();
        using var target = await NewTargetAsync();
        await SchemaInstaller.ApplyAsync(target.Options);
        await Sql.ExecuteAsync(target.Connection, "INSERT INTO orleansmembershipversiontable (deploymentid) VALUES ('c1')");
        const string Insert = "SELECT orleans_insert_membership('c1', '127.0.0.1', 11111, {0}, 'a', 'h', 2, 30000, now(), now(), {1})";

        Assert.Equal(1, await ScalarIntAsync(target, string.Format(System.Globalization.CultureInfo.InvariantCulture, Insert, 1, 0)));
        // The version moved on to 1: a writer still holding 0 lost the race.
        Assert.Equal(0, await ScalarIntAsync(target, string.Format(System.Globalization.CultureInfo.InvariantCulture, Insert, 2, 0)));
        // The same silo again with the current version: the row exists, so the version bump is undone too.
        Assert.Equal(0, await ScalarIntAsync(target, string.Format(System.Globalization.CultureInfo.InvariantCulture, Insert, 1, 1)));

        Assert.Equal(1, await ScalarIntAsync(target, "SELECT version FROM orleansmembershipversiontable WHERE deploymentid = 'c1'"));
        Assert.Equal(1, await ScalarIntAsync(target, "SELECT COUNT(*)::integer FROM orleansmembershiptable"));
    }

    private static async Task<int> ScalarIntAsync(StorageTarget target, string sql) =>
        Convert.ToInt32(await Sql.ScalarAsync(target.Connection, sql), System.Globalization.CultureInfo.InvariantCulture);
}
