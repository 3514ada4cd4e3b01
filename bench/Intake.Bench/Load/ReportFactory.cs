using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.V1;

namespace Governance.Intake.Bench.Load;

/// <summary>
/// Makes the reports of one stream: valid, each with an external id never used before in the run. Not thread-safe:
/// one per stream, used by that stream's writer only. A <paramref name="categorySuffix"/> gives a phase categories of its
/// own, so its reports open cases instead of merging into an earlier phase's.
/// </summary>
public sealed class ReportFactory(PointPool pool, LoadMode mode, double stormShare, string idPrefix, Random random, string categorySuffix = "")
{
    private long _sequence;

    public ReportRequest Next()
    {
        Category category;
        GeoPoint point;
        if (mode == LoadMode.Storm && pool.Incidents.Count > 0 && random.NextDouble() < stormShare)
        {
            // Incidents are not equally big: squaring a uniform draw makes the first ones draw most of the reports.
            var incident = pool.Incidents[(int)(Math.Pow(random.NextDouble(), 2) * pool.Incidents.Count)];
            category = incident.Category;
            point = incident.Points[random.Next(incident.Points.Count)];
        }
        else
        {
            category = Categories.All[random.Next(Categories.All.Count)];
            point = pool.Points[random.Next(pool.Points.Count)];
        }

        var source = random.Next(100) switch
        {
            < 60 => ReportSource.CitizenApp,
            < 85 => ReportSource.GridWorker,
            _ => ReportSource.Hotline,
        };
        return new ReportRequest
        {
            ExternalId = string.Create(CultureInfo.InvariantCulture, $"{idPrefix}-{++_sequence}"),
            Source = source,
            Category = category.Code + categorySuffix,
            Description = category.Descriptions[random.Next(category.Descriptions.Count)],
            Point = point,
            ReportedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddSeconds(-random.Next(120))),
            ReporterId = source switch
            {
                ReportSource.GridWorker => string.Create(CultureInfo.InvariantCulture, $"worker-{random.Next(3000)}"),
                ReportSource.Hotline => string.Create(CultureInfo.InvariantCulture, $"hotline-operator-{random.Next(40)}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"citizen-{random.Next(200_000)}"),
            },
        };
    }
}
