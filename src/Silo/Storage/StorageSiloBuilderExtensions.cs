using Governance.City.Map;
using Governance.Grains.Storage;
using Governance.Silo.Storage.Audit;
using Governance.Silo.Storage.CaseList;
using Governance.Silo.Storage.LiveState;
using Governance.Silo.Storage.OpenCases;
using Governance.Silo.Storage.People;
using Governance.Silo.Storage.ReportLinks;
using Governance.Silo.Storage.Risk;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Governance.Silo.Storage;

/// <summary>
/// Adds the governance database to a silo: the grain stores <see cref="StoreNames.Main"/> (ADO.NET provider) and
/// <see cref="StoreNames.Live"/> (group commit), the report links, the cells' open cases, and the city register.
/// </summary>
public static class StorageSiloBuilderExtensions
{
    /// <summary>
    /// Registers the ADO.NET grain storage <see cref="StoreNames.Main"/> on the configured database with the
    /// System.Text.Json state serializer, and <see cref="IRegistryStore"/> as a singleton <see cref="SqlRegistryStore"/>.
    /// Apply the schema first (<see cref="SchemaInstaller.Apply"/>): the provider reads its queries from the database at start.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static ISiloBuilder AddGovernanceStorage(this ISiloBuilder builder, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var target = options.GetConnection();

        // The default storage serializer is Newtonsoft with assembly-qualified type names; System.Text.Json keeps the
        // stored JSON plain and free of CLR type names. Made the silo default too, for any store added later.
        builder.UseSystemTextJsonGrainStorageSerializer();
        builder.AddAdoNetGrainStorage(StoreNames.Main, optionsBuilder => optionsBuilder
            .Configure<IOptions<SystemTextJsonGrainStorageSerializerOptions>>((storage, json) =>
            {
                storage.Invariant = target.Invariant;
                storage.ConnectionString = target.ConnectionString;
                // Set here rather than inherited from the silo default, so a later default registration cannot change it.
                storage.GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer(json);
            }));

        builder.Services.AddGrainStorage(StoreNames.Live, (services, name) => new GroupCommitGrainStorage(
            name,
            target,
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            new SystemTextJsonGrainStorageSerializer(services.GetRequiredService<IOptions<SystemTextJsonGrainStorageSerializerOptions>>()),
            services.GetRequiredService<ILogger<GroupCommitGrainStorage>>()));

        builder.Services.AddSingleton(services => new SqlReportLinkStore(
            target, services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, services.GetRequiredService<ILogger<SqlReportLinkStore>>()));
        builder.Services.AddSingleton<IReportLinkStore>(services => services.GetRequiredService<SqlReportLinkStore>());
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<SqlReportLinkStore>());
        // Each silo commits its own links; a case read on another silo asks them all (ClusterLinkCommits).
        builder.AddGrainService<LinkCommitService>();
        builder.Services.AddSingleton<ClusterLinkCommits>();

        builder.Services.AddSingleton(services => new SqlOpenCaseStore(
            target,
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            AreaPathsOfCells(services.GetService<CityMap>()),
            services.GetRequiredService<ILogger<SqlOpenCaseStore>>()));
        builder.Services.AddSingleton<IOpenCaseStore>(services => services.GetRequiredService<SqlOpenCaseStore>());
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<SqlOpenCaseStore>());

        builder.Services.AddSingleton<ICaseListStore>(services => new SqlCaseListStore(
            target, services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));

        builder.Services.AddSingleton(new SqlPeopleIndex(target));
        builder.Services.AddSingleton<IPeopleIndex>(services => services.GetRequiredService<SqlPeopleIndex>());
        builder.Services.AddSingleton<IProfileReadLog>(new SqlProfileReadLog(target));
        builder.Services.AddSingleton<IRiskModelStore>(new SqlRiskModelStore(target));
        builder.Services.AddSingleton<IStormVisitStore>(new SqlStormVisitStore(target));

        // A host that already made its store (to load the city before the silo starts) keeps that one.
        builder.Services.TryAddSingleton<IRegistryStore>(new SqlRegistryStore(options));
        return builder;
    }

    // Each cell's area path, worked out once: every new case's row carries its cell's. A silo with no city (storage
    // alone, as its tests run it) saves none.
    private static Func<string, string?> AreaPathsOfCells(CityMap? map)
    {
        if (map is null)
        {
            return _ => null;
        }

        var paths = new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        return cellId => paths.GetOrAdd(cellId, id => map.TryGetCell(id, out var cell) ? map.AreaPath(cell.AreaCode) : null);
    }
}
