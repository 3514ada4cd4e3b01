namespace Governance.Cli.Replay;

/// <summary>The numbers of a replay at one moment: for the progress display while it runs, and the summary at the end.</summary>
public sealed record ReplaySnapshot
{
    public long RowsRead { get; init; }

    public long Sent { get; init; }

    public long Acknowledged { get; init; }

    public long Created { get; init; }

    public long Merged { get; init; }

    /// <summary>How many distinct cases the merged reports went into.</summary>
    public long MergedIntoCases { get; init; }

    public long Retries { get; init; }

    /// <summary>Acks with an outcome this version does not know (a newer server).</summary>
    public long OtherOutcomes { get; init; }

    /// <summary>Rows this tool could not turn into a report.</summary>
    public long RejectedLocally { get; init; }

    /// <summary>Reports the server answered with REJECTED.</summary>
    public long RejectedByServer { get; init; }

    public IReadOnlyList<ReasonCount> LocalReasons { get; init; } = [];

    public IReadOnlyList<ReasonCount> ServerReasons { get; init; } = [];

    public TimeSpan Elapsed { get; init; }

    /// <summary>How far through the file the reader is, 0 to 1 (by bytes).</summary>
    public double FractionRead { get; init; }

    /// <summary>Acknowledged reports per second of elapsed time.</summary>
    public double ReportsPerSecond => Elapsed > TimeSpan.Zero ? Acknowledged / Elapsed.TotalSeconds : 0;

    /// <summary>Rows that are finished: answered by the server or rejected here.</summary>
    public long RowsDone => Acknowledged + RejectedLocally;
}
