using System.Collections.Immutable;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Evaluation;
using Governance.Grains.Routing;
using Governance.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Evaluation;

/// <summary>
/// One area's or department's evaluation roll-up (see <see cref="IEvaluationGrain"/>). An area pushes its changed
/// days to the area above it; a top area pushes each department's share to that department's roll-up. Written through:
/// a push that returned is stored, and the days it changed are stored as not yet pushed up until they are. Children's
/// pushes interleave and share writes: after a storm's first cases every cell of a community pushes within the same
/// moment, and one write each (of a state that grows with every child) made a burst that held intake's acks for half a
/// second (docs/benchmarks.md).
/// </summary>
public sealed class EvaluationGrain(
    [PersistentState("evaluation", StoreNames.Live)] IPersistentState<EvaluationState> state,
    CityMap city,
    RoutingRules routing,
    IOptions<EvaluationOptions> options) : Grain, IEvaluationGrain
{
    // Made at activation: the state read from the store is not the instance the grain was constructed with.
    private UnpushedDays _unpushed = null!;
    private IGrainTimer? _push;
    private WriteBehind? _store;

    // Concurrent callers wait for one write that carries all their changes.
    private WriteBehind Store => _store ??= new WriteBehind(() => this.WriteOrForgetAsync(state, DelayDeactivation));

    private string Key => this.GetPrimaryKeyString();

    private bool IsArea => Key.StartsWith(GrainKeys.AreaEvaluationPrefix, StringComparison.Ordinal);

    private string Code => IsArea ? Key[GrainKeys.AreaEvaluationPrefix.Length..] : Key[GrainKeys.DepartmentEvaluationPrefix.Length..];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _unpushed = new UnpushedDays(state.State.Unpushed);
        if (_unpushed.Count > 0)
        {
            ArmPush();
        }

        return Task.CompletedTask;
    }

    public async Task ReceiveAsync(string child, ImmutableArray<DateOnly> days, ImmutableArray<DayTally> tallies)
    {
        var s = state.State;
        var replaced = days.ToHashSet();
        s.Tallies.RemoveAll(entry => entry.Child == child && replaced.Contains(entry.Tally.Day));
        s.Tallies.AddRange(tallies.Select(tally => new ChildTally(child, tally)));
        if (IsArea)
        {
            _unpushed.Changed(days);
        }

        Store.Changed();
        await Store.FlushAsync();
        if (IsArea)
        {
            ArmPush();
        }
    }

    public async Task PushAsync()
    {
        var s = state.State;
        if (!IsArea || _unpushed.Count == 0)
        {
            return;
        }

        var (taken, asOf) = _unpushed.Take();
        ImmutableArray<DateOnly> days = [.. taken];
        var wanted = taken.ToHashSet();
        var tallies = Sum(s.Tallies.Where(entry => wanted.Contains(entry.Tally.Day)));
        var parent = city.FindArea(Code)?.ParentCode;
        if (parent is not null)
        {
            await GrainFactory.AreaEvaluation(parent).ReceiveAsync(Code, days, tallies);
        }
        else
        {
            // Every department hears of every day pushed, also one whose cases have all moved to another department.
            await Task.WhenAll(routing.Departments.Keys.Select(department => GrainFactory.DepartmentEvaluation(department)
                .ReceiveAsync(Code, days, [.. tallies.Where(tally => tally.Department == department)])));
        }

        _unpushed.Pushed(days, asOf);
        Store.Changed();
        await Store.FlushAsync();
    }

    public Task<EvaluationReport?> EvaluateAsync(DateOnly firstDay, DateOnly lastDay)
    {
        if (!IsArea && !routing.Departments.ContainsKey(Code))
        {
            return Task.FromResult<EvaluationReport?>(null);
        }

        var total = new DayTally();
        foreach (var entry in state.State.Tallies.Where(entry => entry.Tally.Day >= firstDay && entry.Tally.Day <= lastDay))
        {
            total.Add(entry.Tally);
        }

        return Task.FromResult<EvaluationReport?>(EvaluationReport.Of(total));
    }

    // The children's tallies of the same day and department, added up: this roll-up's own.
    private static ImmutableArray<DayTally> Sum(IEnumerable<ChildTally> entries) =>
    [
        .. entries.GroupBy(entry => (entry.Tally.Day, entry.Tally.Department)).Select(group =>
        {
            var sum = new DayTally { Day = group.Key.Day, Department = group.Key.Department };
            foreach (var entry in group)
            {
                sum.Add(entry.Tally);
            }

            return sum;
        }),
    ];

    private void ArmPush() =>
        _push ??= this.RegisterGrainTimer(
            async _ =>
            {
                _push?.Dispose();
                _push = null;
                try
                {
                    await PushAsync();
                }
                catch
                {
                    // The days stay unpushed; the next timer tries again.
                    ArmPush();
                    throw;
                }
            },
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(options.Value.PushSeconds), Timeout.InfiniteTimeSpan) { Interleave = false });
}

/// <summary>What an evaluation roll-up stores (as JSON, under the state name "evaluation").</summary>
public sealed class EvaluationState
{
    /// <summary>Each child's tally of each day and department, as it last pushed it.</summary>
    public List<ChildTally> Tallies { get; set; } = [];

    /// <summary>Days changed since this roll-up last pushed them up (an area's; a department pushes nowhere).</summary>
    public HashSet<DateOnly> Unpushed { get; set; } = [];
}

/// <summary>One child's tally of one day and department.</summary>
public sealed record ChildTally(string Child, DayTally Tally);
