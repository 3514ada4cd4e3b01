using Governance.Gateway.Hosting;
using Governance.Intake.Journal;
using Governance.Intake.Pipeline;
using Governance.Silo.Cities;
using Governance.Silo.Cluster;
using Governance.Silo.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Governance.Silo.Hosting;

/// <summary>
/// A standalone gateway (<c>Governance.Silo gateway …</c>): the gRPC gateway without a silo, joining the cluster as an
/// Orleans client. It journals what it acknowledges in an intake journal of its own, held by a lease (JournalLease), so
/// a silo replays it if the gateway dies. Cluster mode only: it finds the silos in the membership table.
/// </summary>
public static class StandaloneGatewayApp
{
    /// <summary>The first argument that starts a standalone gateway rather than a silo.</summary>
    public const string Verb = "gateway";

    // How long a gateway waits for the first silo to create the city in a new database.
    private static readonly TimeSpan CityPatience = TimeSpan.FromMinutes(2);

    public static async Task<WebApplication> BuildAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, GovernanceApp.Switches.ToDictionary(p => p.Key, p => p.Value));
        var storage = StorageOptions.FromConfiguration(builder.Configuration);
        storage.EnsureValid();
        OrleansOptions.EnsureNoPlainClusteringValue(builder.Configuration);
        var orleans = SiloHostingExtensions.Bind<OrleansOptions>(builder.Configuration, OrleansOptions.Section);
        if (!orleans.UsesAdoNetClustering)
        {
            throw new OptionsValidationException(OrleansOptions.Section, typeof(OrleansOptions), [
                $"{OrleansOptions.Section}:{nameof(OrleansOptions.Membership)}: a standalone gateway finds the silos in the membership table; " +
                $"set {OrleansOptions.Section}:{nameof(OrleansOptions.Membership)}={OrleansOptions.AdoNetClustering} and Storage:Provider=PostgreSql, as the silos have."]);
        }

        orleans.EnsureFits(storage.Provider);
        var intake = SiloHostingExtensions.Bind<IntakeOptions>(builder.Configuration, IntakeOptions.Section);
        var lease = SiloHostingExtensions.Bind<JournalLeaseOptions>(builder.Configuration, JournalLeaseOptions.Section);

        // Idempotent and serialized with the silos' own installs; the city is the first silo's.
        await SchemaInstaller.ApplyAsync(storage, cancellationToken);
        var city = await WaitForCityAsync(new SqlRegistryStore(storage), cancellationToken);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(city.Map);
        builder.Services.AddSingleton(new StartupFacts(storage.GetConnection().ToString(), city));
        builder.Services.AddHostedService<StartupBanner>();
        builder.UseOrleansClient(client => client.AddGovernanceClusterClient(orleans, storage));

        // Registered after the Orleans client, so the lease is claimed once it is connected and intake starts (replaying
        // the journal) after that; they stop in the reverse order, so the lease is released after intake checkpointed.
        builder.Services.AddSingleton(Options.Create(intake));
        builder.Services.AddSingleton(intake);
        builder.Services.AddSingleton(lease);
        builder.Services.AddSingleton(services => new JournalLeaseHold(services.GetRequiredService<TimeProvider>(), lease.Duration));
        builder.Services.AddSingleton<IIntakeJournal>(services =>
            new LeasedJournal(new SqlIntakeJournal(storage, intake.JournalName), services.GetRequiredService<JournalLeaseHold>()));
        builder.Services.AddSingleton<IntakePipeline>();
        builder.Services.AddSingleton(new JournalOwners(storage));
        builder.Services.AddHostedService<JournalLease>();
        builder.Services.AddHostedService<IntakeHostedService>();
        builder.AddGatewayServices();

        var app = builder.Build();
        app.UseGatewayPorts();
        app.MapGovernanceGateway();
        return app;
    }

    private static async Task<CityLoadResult> WaitForCityAsync(SqlRegistryStore registry, CancellationToken cancellationToken)
    {
        var since = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (await CityBootstrap.LoadStoredAsync(registry, cancellationToken) is { } city)
            {
                return city;
            }

            if (TimeProvider.System.GetElapsedTime(since) > CityPatience)
            {
                throw new InvalidOperationException(
                    $"The database holds no city after {CityPatience.TotalMinutes} minutes: start a silo on it first (the first silo creates the city).");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
