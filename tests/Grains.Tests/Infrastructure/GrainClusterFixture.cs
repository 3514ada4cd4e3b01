using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.City.Map;
using Governance.Grains.Clock;
using Governance.Grains.Deadlines;
using Governance.Grains.LiveFeed;
using Governance.Grains.Merging;
using Governance.Grains.Routing;
using Governance.Grains.Storage;
using Governance.Silo.Storage;
using Governance.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace Governance.Grains.Tests.Infrastructure;

/// <summary>
/// An in-process Orleans cluster whose grains keep their state in a real SQLite file through the ADO.NET
/// provider, serving <see cref="TestCity"/>. Shared by a collection; each test uses fresh grain keys.
/// </summary>
public class GrainClusterFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new("grain-tests");

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's fault filter, for tests of what a grain that does not answer does to its callers.</summary>
    public InjectedFaults Faults => Cluster.Silos[0].ServiceProvider.GetRequiredService<InjectedFaults>();

    public CityMap City { get; } = TestCity.Build();

    /// <summary>The merge zones the cluster's grains use (<see cref="ZoneSizeMeters"/>).</summary>
    public MergeZones Zones => field ??= new(City, Options.Create(new MergeOptions { ZoneSizeMeters = ZoneSizeMeters }));

    public IRegistryStore Registry { get; private set; } = null!;

    /// <summary>The silo's clock: the system's, unless a test advances it.</summary>
    public ShiftedClock Clock { get; } = new();

    public StorageOptions Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = new StorageOptions { SqlitePath = _folder.Combine("grains.db") };
        await SchemaInstaller.ApplyAsync(Storage);
        Registry = new SqlRegistryStore(Storage);

        Cluster = await StartClusterAsync(Storage, City, Clock);
    }

    /// <summary>Merge zones of three cells a side: the small test city then has zone boundaries to cross.</summary>
    public const double ZoneSizeMeters = 300;

    /// <summary>A one-silo cluster on the given store and city.</summary>
    public static async Task<InProcessTestCluster> StartClusterAsync(StorageOptions storage, CityMap city, TimeProvider? clock = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        // The service id is part of every stored row's key: clusters that share a store must share it.
        builder.Options.ServiceId = "grain-tests";
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGovernanceStorage(storage);
            silo.Services.AddSingleton(city);
            silo.Services.AddSingleton(clock is null ? CityClock.RealTime : new CityClock(clock));
            silo.Services.AddSingleton<MergeZones>();
            silo.Services.AddSingleton<CellPulses>();
            silo.Services.AddHostedService(services => services.GetRequiredService<CellPulses>());
            silo.Services.AddSingleton(RoutingRules.Demo());
            silo.Services.AddSingleton<InjectedFaults>();
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<InjectedFaults>());
            silo.Services.Configure<MergeOptions>(merging =>
            {
                merging.ZoneSizeMeters = ZoneSizeMeters;
                merging.Categories["noise"] = new MergeRule { DistanceMeters = 0, WindowMinutes = 0 };
                merging.Categories["water.main-burst"] = new MergeRule { DistanceMeters = 300, WindowMinutes = 720 };
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>
    /// A grid worker's report at the centre of a cell, with an id of its own; of a category of its own unless one is
    /// given, so that it opens its own case rather than merging.
    /// </summary>
    public IncomingReport ReportAtCentre(string cellId, string idPrefix, string description, string? category = null)
    {
        var centre = City.Cells.Single(c => c.Code == cellId).Centroid;
        return new IncomingReport(
            $"{idPrefix}-{Guid.NewGuid():N}", ReportChannel.GridWorker, category ?? $"test.{idPrefix[0]}{Guid.NewGuid():N}"[..20], description,
            new GeoLocation(centre.Latitude, centre.Longitude), DateTimeOffset.UtcNow, "worker-7");
    }

    /// <summary>Deletes a case's open case row, as if the write had been lost; fails unless there was one.</summary>
    public async Task DeleteOpenCaseRowAsync(string caseId) =>
        Assert.Equal(1, await ExecuteAsync("DELETE FROM gov_open_case WHERE case_id = $id", caseId));

    /// <summary>
    /// As when a cell's silo dies holding a case it opened and had not stored: the cell's activation goes, and the case's
    /// open case row with it.
    /// </summary>
    public async Task LoseUnstoredCaseAsync(string cellId, string caseId)
    {
        await Cluster.DeactivateAsync(Grains.GetGrain<Contracts.Cells.IGridCellGrain>(GrainKeys.Cell(cellId)));
        await DeleteOpenCaseRowAsync(caseId);
    }

    /// <summary>Whether the case grain has stored a state of its own.</summary>
    public async Task<bool> HasStoredCaseStateAsync(string caseId) =>
        await ScalarAsync("SELECT COUNT(*) FROM gov_grain_state WHERE state_name = 'case' AND grain_id LIKE '%' || $id", GrainKeys.Case(caseId)) > 0;

    /// <summary>The stored version of a grain's live state (one more at every write; 0 before the first) and its JSON.</summary>
    public async Task<(long Version, string? Json)> StoredStateAsync(string stateName, string grainKey)
    {
        await using var connection = await Storage.GetConnection().OpenAsync();
        await using var command = Command(connection, "SELECT version, payload FROM gov_grain_state WHERE state_name = $state AND grain_id LIKE '%' || $id", grainKey);
        var state = command.CreateParameter();
        (state.ParameterName, state.Value) = ("$state", stateName);
        command.Parameters.Add(state);
        await using var rows = await command.ExecuteReaderAsync();
        return await rows.ReadAsync() ? (rows.GetInt64(0), rows.GetString(1)) : (0, null);
    }

    private async Task<int> ExecuteAsync(string sql, string id)
    {
        await using var connection = await Storage.GetConnection().OpenAsync();
        await using var command = Command(connection, sql, id);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql, string id)
    {
        await using var connection = await Storage.GetConnection().OpenAsync();
        await using var command = Command(connection, sql, id);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static System.Data.Common.DbCommand Command(System.Data.Common.DbConnection connection, string sql, string id)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("$id", id);
        command.Parameters.Add(parameter);
        return command;
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "Grain cluster on SQLite";
}

/// <summary>A cluster of its own for tests that advance its clock, so no other test sees time jump.</summary>
public sealed class MovableClockClusterFixture : GrainClusterFixture
{
    /// <summary>A deadline watch on the demo rules and this cluster's clock, as every silo runs one.</summary>
    public DeadlineWatch Watch => new(Grains, RoutingRules.Demo(), new CityClock(Clock), NullLogger<DeadlineWatch>.Instance);

    /// <summary>Which of <paramref name="departments"/> hold the case in their queues, in the order given.</summary>
    public async Task<List<string>> HoldersAsync(string caseId, params string[] departments)
    {
        var holding = new List<string>();
        foreach (var department in departments)
        {
            if ((await Grains.Department(department).GetQueueAsync())!.Value.Any(entry => entry.CaseId == caseId))
            {
                holding.Add(department);
            }
        }

        return holding;
    }
}

[CollectionDefinition(Name)]
public sealed class MovableClockClusterCollection : ICollectionFixture<MovableClockClusterFixture>
{
    public const string Name = "Grain cluster with a movable clock";
}

/// <summary>A cluster of its own for the evaluation tests: its roll-ups count only the cases those tests open.</summary>
public sealed class EvaluationClusterFixture : GrainClusterFixture;

[CollectionDefinition(Name)]
public sealed class EvaluationClusterCollection : ICollectionFixture<EvaluationClusterFixture>
{
    public const string Name = "Grain cluster for evaluation";
}
