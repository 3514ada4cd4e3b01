using Governance.Silo.Storage;
using Orleans.TestingHost;

namespace Governance.Silo.Tests.Storage;

/// <summary>One-silo test clusters on a real store, wired by AddGovernanceStorage as the silo wires it.</summary>
internal static class StorageCluster
{
    /// <summary>A new target with the schema applied.</summary>
    public static async Task<StorageTarget> PrepareAsync(Func<Task<StorageTarget>> newTarget)
    {
        var target = await newTarget();
        await SchemaInstaller.ApplyAsync(target.Options);
        return target;
    }

    /// <summary>A service id of its own, so tests sharing a database do not share rows.</summary>
    public static string NewServiceId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static async Task<InProcessTestCluster> StartAsync(StorageTarget target, string serviceId)
    {
        var builder = new InProcessTestClusterBuilder(1);
        // A fixed ServiceId across restarts: it is part of every row's key.
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddGovernanceStorage(target.Options));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
