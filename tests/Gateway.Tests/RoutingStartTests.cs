using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests;

/// <summary>The routing rules file named in the configuration is what dispatches follow; one in error stops the start.</summary>
public sealed class RoutingStartTests
{
    [Fact]
    public async Task ARulesFile_IsWhatADispatchFollows()
    {
        using var folder = new TempFolder("routing-start");
        var rules = Path.Combine(folder.Path, "rules.json");
        await File.WriteAllTextAsync(rules, """
            { "departments": [ { "code": "street-office", "name": "Street office" }, { "code": "parks" } ], "default": "street-office",
              "rules": [ { "category": "test.*", "department": "parks" } ] }
            """);
        await using var host = await GatewayHost.StartAsync(Path.Combine(folder.Path, "data"), $"--Routing:RulesFile={rules}");
        var (cellId, _) = await CityProbe.FreshCellAsync(host);
        var caseId = (await host.Intake.ReportAsync(Reports.InCell(cellId))).CaseId;

        await host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = caseId, Action = CaseAction.Register, Actor = "dispatcher-1" });
        var dispatched = await host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = caseId, Action = CaseAction.Dispatch, Actor = "dispatcher-1" });

        Assert.Equal("parks", dispatched.Case.Department);
    }

    [Fact]
    public async Task ARulesFileInError_StopsTheStart_NamingTheEntry()
    {
        using var folder = new TempFolder("routing-start");
        var rules = Path.Combine(folder.Path, "rules.json");
        await File.WriteAllTextAsync(rules, """{ "departments": [ { "code": "roads" } ], "default": "roads", "rules": [ { "category": "noise", "department": "police" } ] }""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => GatewayHost.StartAsync(Path.Combine(folder.Path, "data"), $"--Routing:RulesFile={rules}"));

        Assert.Contains("rules[0].department: 'police' is not a listed department", error.Message, StringComparison.Ordinal);
    }
}
