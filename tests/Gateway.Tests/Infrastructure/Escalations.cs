using Governance.Contracts.V1;
using Governance.TestSupport;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>A rules file whose test categories fall due in seconds, and a wait for the server's watch to escalate them.</summary>
public static class Escalations
{
    /// <summary>Limit of the test categories in <see cref="WriteFastRules"/>.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    /// <summary>The server arguments of a city whose "test.*" cases are due 2 s after dispatch, checked every second.</summary>
    public static string[] FastRulesArgs(TempFolder folder)
    {
        var rules = Path.Combine(folder.Path, "fast-deadlines.json");
        File.WriteAllText(rules, """
            { "departments": [ { "code": "street-office" } ], "default": "street-office", "escalation": [ "the street's head", "the district" ],
              "rules": [ { "category": "test.*", "department": "street-office", "deadline": "immediate", "limit": "2s" } ] }
            """);
        return [$"--Routing:RulesFile={rules}", "--Deadlines:CheckSeconds=1"];
    }

    /// <summary>Registers and dispatches a case.</summary>
    public static async Task DispatchAsync(CaseService.CaseServiceClient cases, string caseId)
    {
        foreach (var action in new[] { CaseAction.Register, CaseAction.Dispatch })
        {
            await cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = caseId, Action = action, Actor = "dispatcher-1" });
        }
    }

    /// <summary>The case once its history shows <paramref name="levels"/> escalations; fails after <paramref name="timeout"/>.</summary>
    public static async Task<Case> WaitForAsync(CaseService.CaseServiceClient cases, string caseId, int levels, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = (await cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;
            if (found.History.Count(e => e.EscalationLevel > 0) >= levels || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(200);
        }
    }
}
