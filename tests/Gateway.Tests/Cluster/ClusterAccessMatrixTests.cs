using System.Security.Cryptography;
using Governance.Contracts.Access;
using Governance.Gateway.Access;
using Governance.Gateway.Tests.Access;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Microsoft.Extensions.Options;

namespace Governance.Gateway.Tests.Cluster;

/// <summary>
/// The access matrix holds in cluster mode: every role, through the gateway of a silo that joined a cluster (not the one
/// that created the city), is let in exactly where the matrix says, with tokens signed by the city's one key.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class ClusterAccessMatrixTests(PostgresFixture postgres)
{
    [SkippableFact]
    public async Task EachRole_ThroughTheSecondSilo_IsLetInExactlyWhereTheMatrixSays()
    {
        PostgresAvailability.SkipIfMissing();
        var connectionString = await postgres.CreateDatabaseAsync($"matrix_{Guid.NewGuid():N}");
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using var folderA = new TempFolder("matrix-a");
        using var folderB = new TempFolder("matrix-b");
        string[] common = [
            "--Orleans:Membership=adonet", "--Storage:Provider=PostgreSql", $"--Storage:PostgresConnectionString={connectionString}",
            $"--Auth:SigningKey={signingKey}"];
        await using var siloA = await SiloProcess.StartAsync(folderA.Path, ClusterHarness.StartTimeout, [.. common, "--Intake:JournalName=silo-a"]);
        await using var siloB = await SiloProcess.StartAsync(folderB.Path, ClusterHarness.StartTimeout, [.. common, "--Intake:JournalName=silo-b"]);
        await ClusterHarness.WaitForActiveSilosAsync(connectionString, 2, ClusterHarness.JoinTimeout);
        await ClusterHarness.WaitForDirectoryRingAsync(siloB, 2, ClusterHarness.JoinTimeout);

        // Signed here with the city's key, as the silo's `token` verb would: no silo's own state is involved.
        var tokens = new AccessTokens(Options.Create(new AccessOptions { SigningKey = signingKey }), TimeProvider.System);
        var deviations = await AccessMatrix.DeviationsAsync(
            siloB.Address, (subject, role) => BearerChannel.ForAddress(siloB.Address, tokens.Issue(subject, subject, [role], TimeSpan.FromHours(1))));

        Assert.Empty(deviations);
        await siloB.StopAsync(ClusterHarness.StopTimeout);
        await siloA.StopAsync(ClusterHarness.StopTimeout);
    }
}
