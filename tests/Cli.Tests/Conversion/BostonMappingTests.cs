using Governance.Cli.Conversion;
using Governance.Cli.Replay;
using Governance.Cli.Tests.Infrastructure;
using Governance.Contracts.V1;

namespace Governance.Cli.Tests.Conversion;

/// <summary>The shipped boston-311.json on the real Boston export: what the server will be sent for its rows.</summary>
public sealed class BostonMappingTests
{
    private static readonly Lazy<Task<Dictionary<string, MappedRow>>> Rows = new(ReadAllAsync);

    [Fact]
    public async Task Map_EveryRow_AllButTheTwoWithoutCoordinatesBecomeReports()
    {
        var rows = await Rows.Value;

        Assert.Equal(2424, rows.Count);
        var rejected = rows.Values.Where(r => r.IsRejected).OrderBy(r => r.LineNumber).ToList();
        Assert.Equal([119L, 573L], rejected.Select(r => r.LineNumber));
        Assert.Equal(["boston-311-101005861543", "boston-311-101005949601"], rejected.Select(r => r.ExternalId));
        Assert.All(rejected, r => Assert.Equal(
            [new FieldViolation(ReportFields.Latitude, "column 'latitude' is empty"), new FieldViolation(ReportFields.Longitude, "column 'longitude' is empty")],
            r.Violations));
    }

    [Fact]
    public async Task Map_FirstRow_BecomesTheReportBostonDescribes()
    {
        var request = await RequestAsync("101005870246");

        Assert.Equal("boston-311-101005870246", request.ExternalId);
        Assert.Equal("street-light-outages", request.Category);
        Assert.Equal(ReportSource.CitizenApp, request.Source);
        Assert.Equal("boston-311/Citizens Connect App", request.ReporterId);
        Assert.Equal(
            "Street Light Outages — 9-15 Orleans St East Boston MA 02128 (East Boston). Boston 311 Street Light Outages, queue PWDx_Street Light Outages.",
            request.Description);
        Assert.Equal(42.366865973300726, request.Point.Latitude);
        Assert.Equal(-71.03876661266787, request.Point.Longitude);
        // 03:24:56 in Boston in January is EST (UTC-5).
        Assert.Equal(new DateTime(2025, 1, 24, 8, 24, 56, DateTimeKind.Utc), request.ReportedAt.ToDateTime());
    }

    [Theory]
    [InlineData("101005958986", "2025-03-09T06:53:00Z")] // 01:53 EST, minutes before clocks went forward
    [InlineData("101005959124", "2025-03-09T10:54:00Z")] // 06:54 EDT, the same morning
    [InlineData("101006072589", "2025-05-19T08:45:27Z")] // 04:45:27 EDT
    public async Task Map_OpenTime_IsBostonLocalTimeConvertedToUtcAcrossTheDstChange(string caseId, string utc)
    {
        var request = await RequestAsync(caseId);

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), request.ReportedAt.ToDateTimeOffset());
    }

    [Theory]
    [InlineData("101005870246", ReportSource.CitizenApp)] // Citizens Connect App
    [InlineData("101005960342", ReportSource.Hotline)] // Constituent Call
    [InlineData("101005960371", ReportSource.GridWorker)] // City Worker App
    [InlineData("101005838416", ReportSource.GridWorker)] // Employee Generated
    public async Task Map_Channel_BecomesItsSource(string caseId, ReportSource source) =>
        Assert.Equal(source, (await RequestAsync(caseId)).Source);

    [Fact]
    public async Task Map_Type_BecomesItsSlug()
    {
        var request = await RequestAsync("101005838299");

        Assert.Equal("sidewalk-repair-make-safe", request.Category);
    }

    [Fact]
    public async Task Map_HtmlEntitiesAndPaddedAddress_AreCleanedInTheDescription()
    {
        var request = await RequestAsync("101005838416");

        Assert.StartsWith("Street Light Outages — INTERSECTION of City Sq & Harvard St Charlestown MA (Charlestown).", request.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_EveryReport_MeetsTheContractsFieldRules()
    {
        var requests = (await Rows.Value).Values.Where(r => !r.IsRejected).Select(r => r.Request!).ToList();

        Assert.All(requests, r => Assert.True(CategoryCodes.IsValid(r.Category), r.Category));
        Assert.All(requests, r => Assert.InRange(r.Description.Length, 1, 2000));
        Assert.All(requests, r => Assert.InRange(r.ReporterId.Length, 1, 128));
        Assert.All(requests, r => Assert.NotEqual(ReportSource.Unspecified, r.Source));
        Assert.Equal(requests.Count, requests.Select(r => r.ExternalId).Distinct().Count());
    }

    private static async Task<ReportRequest> RequestAsync(string caseId) =>
        (await Rows.Value)[$"boston-311-{caseId}"].Request ?? throw new InvalidOperationException($"{caseId} was rejected");

    private static async Task<Dictionary<string, MappedRow>> ReadAllAsync()
    {
        await using var source = await ReplaySource.OpenAsync(TestFiles.Boston311, TestFiles.BostonMapping);
        var rows = new Dictionary<string, MappedRow>();
        while (await source.NextAsync() is { } row)
        {
            rows.Add(row.ExternalId, row);
        }

        return rows;
    }
}
