using System.Collections.Immutable;
using Governance.Contracts;
using Governance.Contracts.Departments;
using Governance.Grains.Clock;
using Governance.Grains.Routing;
using Governance.Grains.Watches;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Deadlines;

/// <summary>
/// Finds the cases due to escalate and escalates them. Deadlines live in stored state, the case's own and its
/// department's queue, so nothing needs re-arming after a restart: each check reads the queues afresh. Every silo may
/// run one; a case escalates only when its own deadline says so, so two checks of the same case change it once.
/// </summary>
public sealed partial class DeadlineWatch(IGrainFactory grains, RoutingRules routing, CityClock time, ILogger<DeadlineWatch> logger, DeadlineOptions? options = null) : IWatch
{
    /// <summary>The name the watch runs under in a cluster (its reminder's grain is <c>watch:deadlines</c>).</summary>
    public const string Name = "deadlines";

    public string Does => "escalated overdue cases";

    public TimeSpan Every => TimeSpan.FromSeconds((options ?? new DeadlineOptions()).CheckSeconds);

    /// <summary>The actor of escalation entries in a case's history.</summary>
    public const string Actor = "deadline-watch";

    /// <summary>Checks every department's queue once; answers how many cases escalated.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var escalated = 0;
        foreach (var department in routing.Departments.Keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ImmutableArray<QueuedCaseInfo> queue;
            try
            {
                queue = await grains.Department(department).GetQueueAsync() ?? [];
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One department not answering must not hold up the others' escalations; the next check asks it again.
                LogQueueFailed(logger, ex, department);
                continue;
            }

            var now = time.GetUtcNow();
            foreach (var entry in queue)
            {
                if (entry.Deadline is not { } deadline || !(deadline.NextEscalationAt(routing.Escalation.Length) <= now))
                {
                    continue;
                }

                try
                {
                    if (await grains.Case(entry.CaseId).EscalateAsync() > deadline.Escalations)
                    {
                        escalated++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One case failing must not hold up the rest; the next check asks it again.
                    LogEscalationFailed(logger, ex, entry.CaseId, department);
                }
            }
        }

        return escalated;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The queue of {Department} could not be read; its cases are checked at the next check")]
    private static partial void LogQueueFailed(ILogger logger, Exception exception, string department);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalating case {CaseId} of {Department} failed; the next check retries it")]
    private static partial void LogEscalationFailed(ILogger logger, Exception exception, string caseId, string department);
}
