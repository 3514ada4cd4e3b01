using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.Cases;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.Grains.Cases;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>Every kind of bad report is refused with the field and the reason, and changes nothing.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class BadInputTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    public static TheoryData<string, string> BadReports => new()
    {
        { "missing category", "category" },
        { "category with capitals and spaces", "category" },
        { "category too long", "category" },
        { "empty description", "description" },
        { "white-space description", "description" },
        { "description of 2001 characters", "description" },
        { "description with a NUL", "description" },
        { "latitude 91", "point.latitude" },
        { "longitude -181", "point.longitude" },
        { "latitude NaN", "point.latitude" },
        { "point in the ocean", "point" },
        { "unknown cell id", "cell_id" },
        { "no location", "location" },
        { "no source", "source" },
        { "unknown source number", "source" },
        { "missing external id", "external_id" },
        { "external id of 129 characters", "external_id" },
        { "missing reporter", "reporter_id" },
        { "missing reported_at", "reported_at" },
        { "reported_at an hour ahead", "reported_at" },
        { "reported_at in 1999", "reported_at" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task Report_BadInput_IsInvalidArgumentNamingTheFieldAndChangesNothing(string mistake, string field)
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var before = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        var request = Reports.At(centre.Latitude, centre.Longitude);
        Spoil(request, mistake);

        await RpcAssert.InvalidField(field, () => Host.Intake.ReportAsync(request).ResponseAsync);

        var after = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        Assert.Equal(before.Counters, after.Counters);
        var wouldBe = CaseIds.ForReport(ReportChannel.CitizenApp, request.ExternalId);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = wouldBe }).ResponseAsync);
    }

    [Fact]
    public async Task Report_SeveralMistakes_NamesEachField()
    {
        var request = Reports.At(91, 0);
        request.Category = "";
        request.Description = "";

        var ex = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Host.Intake.ReportAsync(request).ResponseAsync);

        var fields = ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "category", "description", "point.latitude" }, fields);
    }

    private static void Spoil(ReportRequest request, string mistake)
    {
        switch (mistake)
        {
            case "missing category": request.Category = ""; break;
            case "category with capitals and spaces": request.Category = "Road Pothole"; break;
            case "category too long": request.Category = new string('a', 65); break;
            case "empty description": request.Description = ""; break;
            case "white-space description": request.Description = " \n\t "; break;
            case "description of 2001 characters": request.Description = new string('d', 2001); break;
            case "description with a NUL": request.Description = "broken\0pipe"; break;
            case "latitude 91": request.Point.Latitude = 91; break;
            case "longitude -181": request.Point.Longitude = -181; break;
            case "latitude NaN": request.Point.Latitude = double.NaN; break;
            case "point in the ocean": request.Point = new GeoPoint { Latitude = 0, Longitude = -30 }; break;
            case "unknown cell id": request.CellId = "no-such-area.1.1"; break;
            case "no location": request.ClearLocation(); break;
            case "no source": request.Source = ReportSource.Unspecified; break;
            case "unknown source number": request.Source = (ReportSource)99; break;
            case "missing external id": request.ExternalId = ""; break;
            case "external id of 129 characters": request.ExternalId = new string('e', 129); break;
            case "missing reporter": request.ReporterId = ""; break;
            case "missing reported_at": request.ReportedAt = null; break;
            case "reported_at an hour ahead": request.ReportedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)); break;
            case "reported_at in 1999": request.ReportedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero)); break;
            default: throw new ArgumentOutOfRangeException(nameof(mistake), mistake, "no such mistake");
        }
    }
}
