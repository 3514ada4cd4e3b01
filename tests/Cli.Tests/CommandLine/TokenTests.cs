using Governance.Cli.CommandLine;
using Governance.Cli.Tests.Infrastructure;

namespace Governance.Cli.Tests.CommandLine;

/// <summary>`--token` on any verb, before or after it; without one the server's refusal comes with what to do.</summary>
public sealed class TokenTests
{
    [Fact]
    public async Task EveryVerb_CarriesTheToken_AndARefusalSaysWhy()
    {
        await using var server = await CityServer.StartBostonAsync();

        var without = await CliRun.ExecuteAsync("case", "show", "c0000000000000000", "--server", server.Address);
        var before = await CliRun.ExecuteAsync("--token", server.AdminToken, "case", "show", "c0000000000000000", "--server", server.Address);
        var reporter = await CliRun.ExecuteAsync("visits", "due", "--worker", "worker-7", "--server", server.Address, "--token", server.TokenFor("app-1", "reporter"));

        Assert.Equal(ExitCodes.Failed, without.ExitCode);
        Assert.Contains("Unauthenticated: authorization: no bearer token", without.Error, StringComparison.Ordinal);
        Assert.Contains("Give a token with --token or $GOVERNANCE_TOKEN.", without.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, before.ExitCode);
        Assert.Contains("NotFound", before.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, reporter.ExitCode);
        Assert.Contains("PermissionDenied: app-1 (reporter) may not call ResidentService.ListDueVisits; it is for grid-worker, dispatcher, civil-affairs, admin", reporter.Error, StringComparison.Ordinal);
    }
}
