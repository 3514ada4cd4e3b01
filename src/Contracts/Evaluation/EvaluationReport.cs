namespace Governance.Contracts.Evaluation;

/// <summary>
/// How the cases opened in a window were handled, for one cell, area or department. Rates are null when nothing was
/// there to divide by; durations are whole minutes, null without a case to measure.
/// </summary>
[GenerateSerializer, Immutable, Alias("EvaluationReport")]
public sealed record class EvaluationReport
{
    [Id(0)] public int Opened { get; init; }

    [Id(1)] public int Registered { get; init; }

    [Id(2)] public int Closed { get; init; }

    /// <summary>Registered of those opened (立案率).</summary>
    [Id(3)] public double? RegistrationRate { get; init; }

    /// <summary>Closed of those registered (结案率).</summary>
    [Id(4)] public double? ClosureRate { get; init; }

    /// <summary>Closed on time of those closed (按期结案率).</summary>
    [Id(5)] public double? OnTimeClosureRate { get; init; }

    /// <summary>Sent back by verification at least once, of those handled (返工率).</summary>
    [Id(6)] public double? ReworkRate { get; init; }

    /// <summary>Postponed at least once, of those dispatched (延期率).</summary>
    [Id(7)] public double? PostponementRate { get; init; }

    [Id(8)] public int? ReportToDispatchMedianMinutes { get; init; }

    [Id(9)] public int? ReportToDispatchP90Minutes { get; init; }

    [Id(10)] public int? DispatchToCloseMedianMinutes { get; init; }

    [Id(11)] public int? DispatchToCloseP90Minutes { get; init; }

    /// <summary>Mean of the reporters' ratings, 1 to 5.</summary>
    [Id(12)] public double? MeanSatisfaction { get; init; }

    [Id(13)] public int Ratings { get; init; }

    /// <summary>The report of everything <paramref name="total"/> counts.</summary>
    public static EvaluationReport Of(DayTally total)
    {
        ArgumentNullException.ThrowIfNull(total);
        return new EvaluationReport
        {
            Opened = total.Opened,
            Registered = total.Registered,
            Closed = total.Closed,
            RegistrationRate = Rate(total.Registered, total.Opened),
            ClosureRate = Rate(total.Closed, total.Registered),
            OnTimeClosureRate = Rate(total.ClosedOnTime, total.Closed),
            ReworkRate = Rate(total.Reworked, total.Handled),
            PostponementRate = Rate(total.Postponed, total.Dispatched),
            ReportToDispatchMedianMinutes = Percentile(total.ReportToDispatch, 0.5),
            ReportToDispatchP90Minutes = Percentile(total.ReportToDispatch, 0.9),
            DispatchToCloseMedianMinutes = Percentile(total.DispatchToClose, 0.5),
            DispatchToCloseP90Minutes = Percentile(total.DispatchToClose, 0.9),
            MeanSatisfaction = total.RatingCount == 0 ? null : (double)total.RatingSum / total.RatingCount,
            Ratings = total.RatingCount,
        };
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    // Nearest rank: the smallest value with at least that share of the cases at or below it.
    private static int? Percentile(Dictionary<int, int> histogram, double share)
    {
        var count = histogram.Values.Sum();
        if (count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(share * count);
        var seen = 0;
        foreach (var (minutes, cases) in histogram.OrderBy(pair => pair.Key))
        {
            seen += cases;
            if (seen >= rank)
            {
                return minutes;
            }
        }

        return histogram.Keys.Max();
    }
}
