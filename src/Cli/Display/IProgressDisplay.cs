using Governance.Cli.Replay;

namespace Governance.Cli.Display;

/// <summary>Shows a replay's progress on stderr while it runs.</summary>
public interface IProgressDisplay
{
    /// <summary>Shows <paramref name="tally"/> until <paramref name="replay"/> completes (however it completes).</summary>
    Task ShowAsync(ReplayTally tally, long? limit, Task replay);
}
