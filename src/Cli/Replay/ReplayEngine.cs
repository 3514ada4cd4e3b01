using System.Runtime.ExceptionServices;
using Governance.Cli.Csv;
using Governance.Contracts.V1;

namespace Governance.Cli.Replay;

/// <summary>
/// Reads the rows, counts the ones that cannot be reports, and deals the others to the streams (by place, see
/// <see cref="StreamPartition"/>). A failed stream stops everything: the replay then did not happen as asked.
/// </summary>
public sealed class ReplayEngine(IntakeService.IntakeServiceClient client, ReplayTally tally, RejectsFile? rejects)
{
    /// <summary>
    /// Replays <paramref name="source"/> over <paramref name="streams"/> streams. <paramref name="stop"/> (Ctrl+C) ends the
    /// reading and the sending early; what was sent is still answered. Returns false when stopped that way.
    /// </summary>
    /// <exception cref="ReplayFailedException">A stream failed, or the file could not be read to its end as CSV.</exception>
    public async Task<bool> RunAsync(ReplaySource source, int streams, long? limit, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(streams, 1);
        using var failed = new CancellationTokenSource();
        var lanes = Enumerable.Range(1, streams).Select(n => new ReportStreamLane(n, client, tally, rejects)).ToArray();
        var running = lanes.Select(lane => RunLaneAsync(lane, failed, stop)).ToArray();

        ExceptionDispatchInfo? readFailure = null;
        try
        {
            await ReadAllAsync(source, lanes, limit, stop, failed.Token);
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested || stop.IsCancellationRequested)
        {
            // A stream failed, and its own exception says why; or Ctrl+C, and the streams finish what they sent.
        }
        catch (CsvFormatException ex)
        {
            // The rows before it are still sent and answered, then the replay ends as failed.
            readFailure = ExceptionDispatchInfo.Capture(new ReplayFailedException($"the CSV is broken at {ex.Message}", ex));
        }
        catch (IOException ex)
        {
            readFailure = ExceptionDispatchInfo.Capture(new ReplayFailedException($"reading the CSV failed: {ex.Message}", ex));
        }
        finally
        {
            foreach (var lane in lanes)
            {
                lane.Complete();
            }
        }

        try
        {
            await Task.WhenAll(running);
        }
        catch (Exception) when (running.Any(r => r.Exception?.InnerException is ReplayFailedException))
        {
            // Report the stream that failed first in its own words, not the cancellations it caused in the others.
            throw running.Select(r => r.Exception?.InnerException).OfType<ReplayFailedException>().First();
        }

        readFailure?.Throw();
        return !stop.IsCancellationRequested;
    }

    private async Task ReadAllAsync(ReplaySource source, ReportStreamLane[] lanes, long? limit, CancellationToken stop, CancellationToken failed)
    {
        // A stopped stream no longer takes rows, so waiting for room in its queue must end on Ctrl+C too.
        using var stopOrFailed = CancellationTokenSource.CreateLinkedTokenSource(stop, failed);
        while (!stop.IsCancellationRequested && (limit is null || tally.RowsRead < limit))
        {
            var row = await source.NextAsync(failed);
            if (row is null)
            {
                break;
            }

            tally.RowRead(source.FractionRead);
            if (row.IsRejected)
            {
                tally.RejectedLocally(row.Violations);
                foreach (var violation in row.Violations)
                {
                    rejects?.Add(new Rejection(row.LineNumber, row.ExternalId, Rejection.ByReplay, violation));
                }

                continue;
            }

            await lanes[StreamPartition.Pick(row.Request!.Point, lanes.Length)].EnqueueAsync(row, stopOrFailed.Token);
        }

        tally.ReadingDone();
    }

    private static async Task RunLaneAsync(ReportStreamLane lane, CancellationTokenSource failed, CancellationToken stop)
    {
        try
        {
            await lane.RunAsync(stop, failed.Token);
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }
}
