using System.Collections.Immutable;

namespace Governance.Contracts.Rectification;

/// <summary>An inspection's rectification as of one moment: the totals, then the tasks in the dashboard's order.</summary>
/// <param name="AsOf">The moment every flag and duration was judged at.</param>
/// <param name="Totals">The counts over <paramref name="Tasks"/>.</param>
/// <param name="Tasks">Overdue first (most overdue first), then the others with a deadline (soonest due first), then those not yet assigned; ties by case id.</param>
[GenerateSerializer, Immutable, Alias("RectificationDashboard")]
public sealed record class RectificationDashboard(
    [property: Id(0)] DateTimeOffset AsOf,
    [property: Id(1)] RectificationTotals Totals,
    [property: Id(2)] ImmutableArray<RectificationTaskLine> Tasks);
