namespace Governance.Grains.Watches;

/// <summary>
/// A check a silo runs every so often over stored state (overdue cases to escalate, missed visits to open cases for).
/// Nothing is armed in memory, so nothing needs re-arming after a restart; every silo may run one, so a check must
/// change a thing once however many silos make it.
/// </summary>
public interface IWatch
{
    /// <summary>What the watch does, for the log: e.g. "escalated overdue cases".</summary>
    string Does { get; }

    /// <summary>Time between checks.</summary>
    TimeSpan Every { get; }

    /// <summary>Checks once; answers how many things it changed.</summary>
    Task<int> CheckAsync(CancellationToken cancellationToken = default);
}
