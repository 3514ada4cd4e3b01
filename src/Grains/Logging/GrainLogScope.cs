using Governance.Contracts;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Logging;

/// <summary>
/// Every call into a cell, case, household or resident grain runs in a log scope naming it (<c>CellId</c>,
/// <c>CaseId</c>, …), so whatever the call logs, here or in a store it calls, says which one it was about; a JSON
/// console (Logging:Console:FormatterName json) writes the scope as fields.
/// </summary>
public sealed class GrainLogScope(ILogger<GrainLogScope> logger) : IIncomingGrainCallFilter
{
    private static readonly (string Prefix, string Field)[] Named =
    [
        (GrainKeys.CellPrefix, "CellId"),
        (GrainKeys.CasePrefix, "CaseId"),
        (GrainKeys.HouseholdPrefix, "HouseholdId"),
        (GrainKeys.ResidentPrefix, "ResidentId"),
    ];

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var scope = ScopeOf(context.TargetId);
        await context.Invoke();
    }

    private IDisposable? ScopeOf(GrainId target)
    {
        var key = target.Key.ToString();
        foreach (var (prefix, field) in Named)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return logger.BeginScope(new KeyValuePair<string, object>[] { new(field, key[prefix.Length..]) });
            }
        }

        return null;
    }
}
