using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Governance.Contracts.Evaluation;

/// <summary>
/// The roll-up of one area (<c>eval:area:&lt;code&gt;</c>) or department (<c>eval:dept:&lt;code&gt;</c>): the day tallies its
/// children pushed (cells to their community, areas to the one above, the top areas to the departments), kept per child
/// and day so that a push replaces what the child said before. It pushes its own changed days up on a timer, so nothing
/// on the intake path calls a roll-up, and no roll-up is called by more than its children.
/// </summary>
[Alias("IEvaluationGrain")]
public interface IEvaluationGrain : IGrainWithStringKey
{
    /// <summary>
    /// A child's tallies of these days, replacing what it pushed for them before; stored before returning. Interleaves,
    /// so that children pushing at the same moment share the roll-up's writes.
    /// </summary>
    [Alias("Receive"), AlwaysInterleave]
    Task ReceiveAsync(string child, ImmutableArray<DateOnly> days, ImmutableArray<DayTally> tallies);

    /// <summary>Pushes the days changed since the last push to the grains above now, rather than at the next timer.</summary>
    [Alias("Push")]
    Task PushAsync();

    /// <summary>
    /// The evaluation of the cases opened on the days <paramref name="firstDay"/> to <paramref name="lastDay"/>, both
    /// included; null for a department the routing rules do not list.
    /// </summary>
    [Alias("Evaluate")]
    Task<EvaluationReport?> EvaluateAsync(DateOnly firstDay, DateOnly lastDay);
}
