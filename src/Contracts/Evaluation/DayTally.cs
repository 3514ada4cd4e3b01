namespace Governance.Contracts.Evaluation;

/// <summary>
/// The cases of one area (or cell) opened on one UTC day and last dispatched to one department ("" when never
/// dispatched), counted: what the roll-ups add up. Durations are counted per whole minute, so medians and the 90th
/// percentile of any sum of tallies are exact to the minute.
/// </summary>
[GenerateSerializer, Alias("DayTally")]
public sealed class DayTally
{
    [Id(0)] public DateOnly Day { get; set; }

    [Id(1)] public string Department { get; set; } = "";

    [Id(2)] public int Opened { get; set; }

    [Id(3)] public int Registered { get; set; }

    [Id(4)] public int Rejected { get; set; }

    [Id(5)] public int Dispatched { get; set; }

    [Id(6)] public int Handled { get; set; }

    [Id(7)] public int Closed { get; set; }

    [Id(8)] public int ClosedOnTime { get; set; }

    [Id(9)] public int Reworked { get; set; }

    [Id(10)] public int Postponed { get; set; }

    [Id(11)] public int RatingSum { get; set; }

    [Id(12)] public int RatingCount { get; set; }

    /// <summary>Minutes from report to first dispatch → how many cases took that long.</summary>
    [Id(13)] public Dictionary<int, int> ReportToDispatch { get; set; } = [];

    /// <summary>Minutes from first dispatch to close → how many cases took that long.</summary>
    [Id(14)] public Dictionary<int, int> DispatchToClose { get; set; } = [];

    /// <summary>Counts one case opened at <paramref name="openedAt"/> with these facts.</summary>
    public void Count(DateTimeOffset openedAt, CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Opened++;
        Registered += facts.Registered ? 1 : 0;
        Rejected += facts.Rejected ? 1 : 0;
        Handled += facts.Handled ? 1 : 0;
        Reworked += facts.Reworked ? 1 : 0;
        Postponed += facts.Postponed ? 1 : 0;
        RatingSum += facts.RatingSum;
        RatingCount += facts.RatingCount;
        if (facts.FirstDispatchedAt is { } dispatched)
        {
            Dispatched++;
            Add(ReportToDispatch, Minutes(dispatched - openedAt), 1);
            if (facts.ClosedAt is { } closed)
            {
                Add(DispatchToClose, Minutes(closed - dispatched), 1);
            }
        }

        if (facts.ClosedAt is not null)
        {
            Closed++;
            ClosedOnTime += facts.ClosedOnTime ? 1 : 0;
        }
    }

    /// <summary>Adds another tally's counts to this one.</summary>
    public void Add(DayTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Opened += other.Opened;
        Registered += other.Registered;
        Rejected += other.Rejected;
        Dispatched += other.Dispatched;
        Handled += other.Handled;
        Closed += other.Closed;
        ClosedOnTime += other.ClosedOnTime;
        Reworked += other.Reworked;
        Postponed += other.Postponed;
        RatingSum += other.RatingSum;
        RatingCount += other.RatingCount;
        foreach (var (minutes, count) in other.ReportToDispatch)
        {
            Add(ReportToDispatch, minutes, count);
        }

        foreach (var (minutes, count) in other.DispatchToClose)
        {
            Add(DispatchToClose, minutes, count);
        }
    }

    private static int Minutes(TimeSpan span) => (int)Math.Max(0, Math.Floor(span.TotalMinutes));

    private static void Add(Dictionary<int, int> histogram, int minutes, int count) =>
        histogram[minutes] = histogram.GetValueOrDefault(minutes) + count;
}
