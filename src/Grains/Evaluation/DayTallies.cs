using System.Collections.Immutable;
using Governance.Contracts.Cases;
using Governance.Contracts.Evaluation;
using Governance.Grains.Storage;

namespace Governance.Grains.Evaluation;

/// <summary>
/// A cell's incidents (the loop the figures measure; petitions have their own) tallied by the UTC day they opened and their department, and the days changed since the cell last
/// pushed them to its area's roll-up. Tallies are made from the rows when asked, not kept beside them: the rows are
/// what a restarted cell reads back.
/// </summary>
internal sealed class DayTallies
{
    private readonly HashSet<DateOnly> _changed = [];

    public bool HasChanges => _changed.Count > 0;

    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>A case opened at <paramref name="openedAt"/> was opened or changed.</summary>
    public void Changed(DateTimeOffset openedAt) => _changed.Add(Day(openedAt));

    /// <summary>The changed days and their tallies; the days count as pushed until <see cref="Unpushed"/> says otherwise.</summary>
    public (ImmutableArray<DateOnly> Days, ImmutableArray<DayTally> Tallies) TakeChanged(IEnumerable<OpenCaseRow> rows)
    {
        ImmutableArray<DateOnly> days = [.. _changed.Order()];
        _changed.Clear();
        var wanted = days.ToHashSet();
        var tallies = rows.Where(row => row.Header.Kind == CaseKind.Incident && wanted.Contains(Day(row.Header.OpenedAt)))
            .GroupBy(row => (Day: Day(row.Header.OpenedAt), row.Department))
            .Select(group =>
            {
                var tally = new DayTally { Day = group.Key.Day, Department = group.Key.Department };
                foreach (var row in group)
                {
                    tally.Count(row.Header.OpenedAt, row.Facts);
                }

                return tally;
            });
        return (days, [.. tallies]);
    }

    /// <summary>A push of these days failed: they are changed still.</summary>
    public void Unpushed(IEnumerable<DateOnly> days) => _changed.UnionWith(days);

    /// <summary>Everything the rows of cases opened from <paramref name="firstDay"/> to <paramref name="lastDay"/> count.</summary>
    public static DayTally Total(IEnumerable<OpenCaseRow> rows, DateOnly firstDay, DateOnly lastDay)
    {
        var total = new DayTally();
        foreach (var row in rows)
        {
            var day = Day(row.Header.OpenedAt);
            if (row.Header.Kind == CaseKind.Incident && day >= firstDay && day <= lastDay)
            {
                total.Count(row.Header.OpenedAt, row.Facts);
            }
        }

        return total;
    }
}
