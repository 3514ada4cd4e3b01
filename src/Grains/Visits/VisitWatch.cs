using System.Globalization;
using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Residents;
using Governance.Grains.Clock;
using Governance.Grains.Storage;
using Governance.Grains.Watches;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Visits;

/// <summary>
/// Opens a case in the resident's cell for each visit overdue past the grace period: one case per missed due time,
/// whichever silo looks, because the case's report id is made of the resident, the need and the due time (a second
/// look is a retry of the same report). The schedule row remembers the due time a case was opened for only once the
/// cell has stored it, so a case lost to a crash is opened again at the next look.
/// </summary>
public sealed partial class VisitWatch(IGrainFactory grains, IPeopleIndex index, CityClock time, VisitOptions options, ILogger<VisitWatch> logger) : IWatch
{
    /// <summary>The name the watch runs under in a cluster (its reminder's grain is <c>watch:visits</c>).</summary>
    public const string Name = "visits";

    /// <summary>The category of the cases it opens; it never merges (each is one resident's missed visit).</summary>
    public const string Category = "care.visit-overdue";

    /// <summary>Who reports the cases.</summary>
    public const string Reporter = "visit-watch";

    private const int Batch = 500;

    public string Does => "opened cases for overdue visits";

    public TimeSpan Every => TimeSpan.FromSeconds(options.CheckSeconds);

    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var overdue = await index.OverdueWithoutCaseAsync(now - TimeSpan.FromDays(options.GraceDays), Batch, cancellationToken);
        var opened = 0;
        foreach (var visit in overdue)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var cell = grains.Cell(visit.CellId);
                var receipt = (await cell.ProcessAsync([Report(visit, now)]))[0];
                await cell.FlushAsync();
                await index.MarkCaseOpenedAsync(visit.ResidentId, visit.Kind, visit.DueAt, receipt.CaseId, cancellationToken);
                opened++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogOpenFailed(logger, ex, visit.ResidentId, visit.Kind);
            }
        }

        return opened;
    }

    /// <summary>The report of a missed visit; its id is the same at every look until the visit is made.</summary>
    public static IncomingReport Report(DueVisit visit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var days = (int)(now - visit.DueAt).TotalDays;
        var due = visit.DueAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return new IncomingReport(
            $"visit-overdue:{visit.ResidentId}:{visit.Kind}:{visit.DueAt.UtcTicks}",
            ReportChannel.GridWorker,
            Category,
            $"The {visit.Cadence.ToString().ToLowerInvariant()} {visit.Kind} of {visit.Name} ({visit.ResidentId}) is {days} days overdue (due {due}).",
            null,
            now,
            Reporter);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opening a case for the overdue {Kind} of resident {ResidentId} failed; the next look retries it")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception, string residentId, string kind);
}
