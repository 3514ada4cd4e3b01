using System.Collections.Immutable;

namespace Governance.Contracts.Residents;

/// <summary>When each of a resident's needs is next due: a cadence after the last visit of its kind, or when it was put on file.</summary>
public static class VisitSchedule
{
    public static ImmutableArray<(ServiceNeedInfo Need, DateTimeOffset DueAt, DateTimeOffset? LastVisitAt)> Of(ResidentDetails details, DateTimeOffset fallback)
    {
        ArgumentNullException.ThrowIfNull(details);
        return
        [
            .. details.ServiceNeeds.Select(need =>
            {
                var last = details.ServiceHistory.Where(v => string.Equals(v.Kind, need.Kind, StringComparison.OrdinalIgnoreCase))
                    .Select(v => (DateTimeOffset?)v.VisitedAt).Max();
                return (need, last is { } visited ? After(visited, need.Cadence) : need.Since ?? fallback, last);
            }),
        ];
    }

    /// <summary>The time a visit at <paramref name="visited"/> is next due: a day, a week or a calendar month later.</summary>
    public static DateTimeOffset After(DateTimeOffset visited, ServiceCadenceKind cadence) => cadence switch
    {
        ServiceCadenceKind.Daily => visited.AddDays(1),
        ServiceCadenceKind.Weekly => visited.AddDays(7),
        _ => visited.AddMonths(1),
    };
}
