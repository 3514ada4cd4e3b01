using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.V1;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>Valid reports to start from; each test changes what it is about.</summary>
public static class Reports
{
    public static ReportRequest At(double latitude, double longitude, string? externalId = null) => new()
    {
        ExternalId = externalId ?? $"test-{Guid.NewGuid():N}",
        Source = ReportSource.CitizenApp,
        // A category of its own: tests that are not about merging must not merge into each other's cases.
        Category = $"test.c{Guid.NewGuid():N}"[..20],
        Description = "Deep pothole in front of building 3, a cyclist nearly fell.",
        Point = new GeoPoint { Latitude = latitude, Longitude = longitude },
        ReportedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-3)),
        ReporterId = "citizen-42",
    };

    public static ReportRequest InCell(string cellId, string? externalId = null)
    {
        var report = At(0, 0, externalId);
        report.CellId = cellId;
        return report;
    }
}
