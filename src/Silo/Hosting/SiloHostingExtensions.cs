using Governance.Grains.Clock;
using Governance.Grains.Deadlines;
using Governance.Grains.Evaluation;
using Governance.Grains.LiveFeed;
using Governance.Grains.Logging;
using Governance.Grains.Merging;
using Governance.Grains.Policies;
using Governance.Grains.Projects;
using Governance.Grains.Risk;
using Governance.Grains.Routing;
using Governance.Grains.Storage;
using Governance.Grains.Surveys;
using Governance.Grains.Visits;
using Governance.Grains.Watches;
using Governance.Silo.Operations;
using Orleans.Dashboard;
using Governance.Intake.Journal;
using Governance.Intake.Pipeline;
using Governance.Silo.Cities;
using Governance.Silo.Cluster;
using Governance.Silo.Storage;
using Governance.Silo.Storage.People;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Silo.Hosting;

/// <summary>Adds the silo to a web host: its store and schema, its city, and Orleans itself.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Applies the schema, loads or creates the city, and configures Orleans (a single silo on localhost, or one member
    /// of a cluster kept in PostgreSQL) whose grains keep their state in the configured store.
    /// </summary>
    public static async Task<WebApplicationBuilder> AddGovernanceSiloAsync(this WebApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        var storage = StorageOptions.FromConfiguration(builder.Configuration);
        storage.EnsureValid();
        var cityOptions = Bind<CityOptions>(builder.Configuration, CityOptions.Section);
        OrleansOptions.EnsureNoPlainClusteringValue(builder.Configuration);
        var orleans = Bind<OrleansOptions>(builder.Configuration, OrleansOptions.Section);
        orleans.EnsureFits(storage.Provider);

        await SchemaInstaller.ApplyAsync(storage, cancellationToken);
        var registry = new SqlRegistryStore(storage);
        var city = await CityBootstrap.LoadOrCreateAsync(registry, cityOptions, TimeProvider.System, cancellationToken);
        // The register's people, searchable from the first start (a no-op once the index has them).
        await new SqlPeopleIndex(storage.GetConnection()).FillFromRegisterAsync(cancellationToken);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(CityClock.RealTime);
        builder.Services.AddSingleton<IRegistryStore>(registry);
        builder.Services.AddSingleton(city.Map);
        builder.Services.AddSingleton<MergeZones>();
        builder.Services.AddSingleton<CellPulses>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CellPulses>());
        // Read now: a rules file in error stops the start with what is wrong in it.
        builder.Services.AddSingleton(builder.Configuration["Routing:RulesFile"] is { Length: > 0 } rulesFile ? RoutingRules.Load(rulesFile) : RoutingRules.Demo());
        builder.Services.AddOptions<MergeOptions>().Bind(builder.Configuration.GetSection(MergeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(new StartupFacts(storage.GetConnection().ToString(), city));
        builder.Services.AddHostedService<StartupBanner>();
        builder.UseOrleans(silo =>
        {
            silo.AddGovernanceClustering(orleans, storage, builder.Configuration.GetSection(ClusteringSiloBuilderExtensions.LivenessSection));
            silo.AddGovernanceStorage(storage);
            // Grain and silo statistics for operators, at /dashboard on the JSON port, admins only (GovernanceApp).
            // Live logs stay off: they carry what residents reported.
            if (OperationsOptions.From(builder.Configuration).Dashboard)
            {
                silo.AddDashboard(dashboard => dashboard.HideTrace = true);
            }

            silo.AddIncomingGrainCallFilter<GrainLogScope>();
        });

        // Registered after Orleans, so it starts (replaying the journal) once the silo is up and stops before it.
        var intake = Bind<IntakeOptions>(builder.Configuration, IntakeOptions.Section);
        builder.Services.AddSingleton(Options.Create(intake));
        builder.Services.AddSingleton<IIntakeJournal>(new SqlIntakeJournal(storage, intake.JournalName));
        builder.Services.AddSingleton<IntakePipeline>();
        if (orleans.UsesAdoNetClustering)
        {
            // A survivor replays the journal of a silo that died; this silo's own is claimed before its intake starts.
            builder.Services.AddSingleton(services => new JournalRecovery(
                new JournalOwners(storage), storage, intake, services.GetRequiredService<IntakePipeline>(), services.GetRequiredService<IGrainFactory>(),
                services.GetRequiredService<IClusterMembershipService>(), services.GetRequiredService<ILocalSiloDetails>(),
                services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILoggerFactory>()));
            builder.Services.AddHostedService<OwnJournalClaim>();
            builder.Services.AddHostedService<WatchService<JournalRecovery>>();
        }

        builder.Services.AddHostedService<IntakeHostedService>();
        builder.Services.AddOptions<DeadlineOptions>().Bind(builder.Configuration.GetSection(DeadlineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<EvaluationOptions>().Bind(builder.Configuration.GetSection(EvaluationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ProjectsOptions>().Bind(builder.Configuration.GetSection(ProjectsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SurveysOptions>().Bind(builder.Configuration.GetSection(SurveysOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PoliciesOptions>().Bind(builder.Configuration.GetSection(PoliciesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services => new DeadlineWatch(
            services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<RoutingRules>(), services.GetRequiredService<CityClock>(),
            services.GetRequiredService<ILogger<DeadlineWatch>>(), services.GetRequiredService<IOptions<DeadlineOptions>>().Value));
        builder.Services.AddWatch<DeadlineWatch>(DeadlineWatch.Name, orleans.UsesAdoNetClustering);
        builder.Services.AddOptions<VisitOptions>().Bind(builder.Configuration.GetSection(VisitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services => new VisitWatch(
            services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<IPeopleIndex>(), services.GetRequiredService<CityClock>(),
            services.GetRequiredService<IOptions<VisitOptions>>().Value, services.GetRequiredService<ILogger<VisitWatch>>()));
        builder.Services.AddWatch<VisitWatch>(VisitWatch.Name, orleans.UsesAdoNetClustering);
        builder.Services.AddOptions<RiskOptions>().Bind(builder.Configuration.GetSection(RiskOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ActiveFloodModel>();
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<RiskOptions>>().Value);
        builder.Services.AddSingleton<RiskModelWatch>();
        builder.Services.AddSingleton<CityGauges>();
        builder.Services.AddHostedService<WatchService<RiskModelWatch>>();
        return builder;
    }

    /// <summary>
    /// Runs a watch over the whole city: in a cluster once per period for all silos, on a durable reminder (<see cref="WatchGrain"/>,
    /// which finds it by <paramref name="name"/>); alone, on this silo's own timer (<see cref="WatchService{TWatch}"/>).
    /// </summary>
    private static void AddWatch<TWatch>(this IServiceCollection services, string name, bool onClusterReminder)
        where TWatch : class, IWatch
    {
        if (onClusterReminder)
        {
            services.AddKeyedSingleton<IWatch>(name, (provider, _) => provider.GetRequiredService<TWatch>());
            services.AddSingleton(new ClusterWatch(name));
            // One service schedules every cluster watch's reminder, however many watches are added.
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WatchReminders>());
        }
        else
        {
            services.AddHostedService<WatchService<TWatch>>();
        }
    }

    /// <summary>Binds and validates an options section now: a wrong setting stops the start with its name.</summary>
    internal static T Bind<T>(ConfigurationManager configuration, string section)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(T), results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }

        return options;
    }
}
