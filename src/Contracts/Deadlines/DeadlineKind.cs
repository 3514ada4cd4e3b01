namespace Governance.Contracts.Deadlines;

/// <summary>
/// How a category of case is handled against the clock, as digital urban management sorts it: on the spot, within a
/// committed time, or by departments coordinating, each with its own handling time limit.
/// </summary>
[GenerateSerializer, Alias("DeadlineKind")]
public enum DeadlineKind
{
    /// <summary>Handled at once (即办): hours, not days.</summary>
    Immediate = 1,

    /// <summary>Handled within a committed time (承诺办理): days.</summary>
    Committed = 2,

    /// <summary>Handled by several departments together (协调办理): the longest limit.</summary>
    Coordinated = 3,
}
