using System.Globalization;
using Governance.Cli.Replay;

namespace Governance.Cli.Display;

/// <summary>The one-line account of a running replay, shared by the bar and the plain lines.</summary>
public static class ProgressLine
{
    public static string Describe(ReplaySnapshot snapshot, ProgressEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rejected = snapshot.RejectedLocally + snapshot.RejectedByServer;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{estimate.Done:N0}/{(snapshot.FractionRead >= 1 ? "" : "~")}{estimate.Total:N0} rows: {snapshot.Created:N0} created, {snapshot.Merged:N0} merged, {snapshot.Retries:N0} retries, {rejected:N0} rejected; {snapshot.ReportsPerSecond:N0} reports/s");
    }
}
