namespace Governance.Contracts.Rectification;

/// <summary>How many of an inspection's tasks stand where (<see cref="Listed"/> + <see cref="Rectifying"/> + <see cref="Submitted"/> + <see cref="Confirmed"/> = <see cref="Tasks"/>).</summary>
[GenerateSerializer, Immutable, Alias("RectificationTotals")]
public sealed record class RectificationTotals
{
    /// <summary>Every task.</summary>
    [Id(0)]
    public int Tasks { get; init; }

    /// <summary>Listed, not yet assigned.</summary>
    [Id(1)]
    public int Listed { get; init; }

    /// <summary>Assigned and being rectified (a reopened task included).</summary>
    [Id(2)]
    public int Rectifying { get; init; }

    /// <summary>Reported done, awaiting the inspection's confirmation.</summary>
    [Id(3)]
    public int Submitted { get; init; }

    /// <summary>Confirmed done by the inspection.</summary>
    [Id(4)]
    public int Confirmed { get; init; }

    /// <summary>Being rectified past their deadline.</summary>
    [Id(5)]
    public int Overdue { get; init; }

    /// <summary>Reported done (submitted or confirmed) at or before the deadline they last had.</summary>
    [Id(6)]
    public int DoneOnTime { get; init; }

    /// <summary>Being rectified with the monthly progress report past due.</summary>
    [Id(7)]
    public int ProgressReportsOverdue { get; init; }

    /// <summary><see cref="DoneOnTime"/> of every task (<see cref="Tasks"/>, the unfinished ones included); null when there are none.</summary>
    public double? DoneOnTimeShare => Tasks == 0 ? null : (double)DoneOnTime / Tasks;
}
