using Governance.Intake.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Silo.Cluster;

/// <summary>
/// A standalone gateway's hold on its intake journal. An Orleans client is not in the membership table, so the cluster
/// cannot declare it dead; instead it claims its journal by a lease before intake starts, renews it every quarter of
/// the lease, and releases it once intake has stopped with everything checkpointed. A gateway that dies stops renewing,
/// and a silo takes and replays the journal once the lease has run out (JournalRecovery). One that finds its journal
/// taken (it was stalled or cut off longer than the lease) stops, as a silo declared dead stops itself.
/// </summary>
internal sealed partial class JournalLease(
    JournalOwners owners,
    JournalLeaseHold hold,
    IntakeOptions intake,
    JournalLeaseOptions options,
    IntakePipeline pipeline,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<JournalLease> logger) : BackgroundService
{
    // How long a starting gateway waits for its journal name to come free (a predecessor's lease to run out and a silo
    // to replay it), beyond one lease.
    private static readonly TimeSpan ClaimPatience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ClaimRetry = TimeSpan.FromSeconds(1);

    /// <summary>This process, as the owner row names it.</summary>
    public string Holder { get; } = $"gateway {Environment.MachineName} pid {Environment.ProcessId} {Guid.NewGuid():N}";

    private TimeSpan RenewEvery => options.Duration / 4;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var since = time.GetTimestamp();
        while (true)
        {
            var attempt = time.GetTimestamp();
            if (await owners.ClaimLeaseAsync(intake.JournalName, Holder, options.Duration, cancellationToken))
            {
                hold.Renewed(attempt);
                LogClaimed(logger, intake.JournalName, options.Seconds);
                break;
            }

            if (time.GetElapsedTime(since) > options.Duration + ClaimPatience)
            {
                var owner = (await owners.ListAsync(cancellationToken)).FirstOrDefault(o => o.Journal == intake.JournalName)?.Silo ?? "another process";
                throw new InvalidOperationException(
                    $"Intake:JournalName '{intake.JournalName}' is held by {owner}: give every silo and gateway its own journal name.");
            }

            await Task.Delay(ClaimRetry, time, cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Intake has stopped by now (it started after this and stops before it). What it did not checkpoint is left to a
        // silo, which replays the journal once the lease runs out.
        if (!hold.Lost && pipeline.Uncheckpointed == 0)
        {
            await owners.ReleaseAsync(intake.JournalName, Holder, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(RenewEvery, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var attempt = time.GetTimestamp();
            try
            {
                if (await owners.RenewLeaseAsync(intake.JournalName, Holder, options.Duration, stoppingToken))
                {
                    hold.Renewed(attempt);
                    continue;
                }

                hold.Lose();
                LogLost(logger, intake.JournalName);
                lifetime.StopApplication();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Acks stop by themselves when the hold lapses (LeasedJournal); renewing goes on.
                LogRenewFailed(logger, intake.JournalName, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding intake journal {Journal} by a lease of {Seconds} s")]
    private static partial void LogClaimed(ILogger logger, string journal, int seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Intake journal {Journal} was taken over after this gateway's lease ran out; stopping")]
    private static partial void LogLost(ILogger logger, string journal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease on intake journal {Journal}")]
    private static partial void LogRenewFailed(ILogger logger, string journal, Exception exception);
}
