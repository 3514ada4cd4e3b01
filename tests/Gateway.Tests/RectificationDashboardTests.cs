using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>
/// An inspection's rectification dashboard over the API, against figures worked out by hand: tasks of one inspection
/// (rectification.&lt;inspection&gt;.&lt;topic&gt;) taken to each status on a city clock the test moves forward, counted, ordered
/// overdue first, limited to an area, refused for a malformed code, and the same over the JSON route. Each test has
/// inspection codes of its own, so none sees another's tasks.
/// </summary>
public sealed class RectificationDashboardTests(ShiftedCityHostFixture fixture) : IClassFixture<ShiftedCityHostFixture>
{
    private GatewayHost Host => fixture.Host;

    private RectificationService.RectificationServiceClient Dashboards => new(Host.Channel);

    [Fact]
    public async Task TheDashboard_CountsAndOrdersTheInspectionsTasks_AsWorkedOutByHand()
    {
        var inspection = FreshInspection();
        var t0 = fixture.CityTime.GetUtcNow();
        var (sharedCell, _) = await CityProbe.FreshCellAsync(Host);
        var a = await ListAsync(inspection, "market-hygiene");
        var b = await ListAsync(inspection, "river-banks");
        var c = await ListAsync(inspection, "street-vendors");
        var d = await ListAsync(inspection, "noise", sharedCell);
        // Never stepped: it is in the list because d's steps store its cell's rows.
        var e = await ListAsync(inspection, "signage", sharedCell);
        var f = await ListAsync(inspection, "construction-dust");
        var g = await ListAsync(inspection, "parking");
        var otherInspection = await ListAsync(FreshInspection(), "market-hygiene");

        await AssignAsync(a, "director-li", t0.AddDays(30));
        await AssignAsync(b, "director-wang", t0.AddDays(31));
        await StepAsync(b, CaseAction.Complete, "Banks cleared.");
        await StepAsync(b, CaseAction.Confirm, "");
        await AssignAsync(c, "director-zhao", t0.AddDays(32));
        await StepAsync(c, CaseAction.Complete, "Vendors moved to the night market.");
        await AssignAsync(d, "director-qian", t0.AddDays(60));
        await StepAsync(d, CaseAction.ReportProgress, "Two of four sites fitted with barriers.");
        await AssignAsync(f, "director-sun", t0.AddDays(20));
        await AssignAsync(g, "director-zhou", t0.AddDays(25));
        await AssignAsync(otherInspection, "director-li", t0.AddDays(10));
        // 35 days on: a (due day 30) and f (due day 20) are overdue; g is reported done 10 days late; every progress
        // report owed a month after day 0 is late.
        fixture.CityTime.Advance(TimeSpan.FromDays(35));
        await StepAsync(g, CaseAction.Complete, "Parking lines repainted.");

        var dashboard = await DashboardOfAsync(inspection, tasks: 7);

        // By hand: 7 tasks; e listed; a, d, f rectifying; c, g submitted; b confirmed; a and f overdue; b and c done on
        // time (g was late); a, d and f owe a progress report (each due within 31 days of day 0).
        var totals = dashboard.Totals;
        Assert.Equal((7, 1, 3, 2, 1), (totals.Tasks, totals.Listed, totals.Rectifying, totals.Submitted, totals.Confirmed));
        Assert.Equal((2, 2, 3), (totals.Overdue, totals.DoneOnTime, totals.ProgressReportsOverdue));
        Assert.True(totals.HasDoneOnTimeShare);
        Assert.Equal(2.0 / 7.0, totals.DoneOnTimeShare);
        // Overdue, most overdue first (f by 15 days, a by 5); then soonest due (g day 25, b 31, c 32, d 60); then e.
        Assert.Equal([f, a, g, b, c, d, e], dashboard.Tasks.Select(task => task.CaseId));

        var asOf = dashboard.AsOf.ToDateTimeOffset();
        var byId = dashboard.Tasks.ToDictionary(task => task.CaseId);
        var mostOverdue = byId[f];
        Assert.Equal((true, CaseStatus.Rectifying, t0.AddDays(20)), (mostOverdue.Overdue, mostOverdue.Status, mostOverdue.DueAt.ToDateTimeOffset()));
        Assert.Equal(asOf - t0.AddDays(20), mostOverdue.OverdueBy.ToTimeSpan());
        Assert.Equal(15, (int)mostOverdue.OverdueBy.ToTimeSpan().TotalDays);
        Assert.Equal(5, (int)byId[a].OverdueBy.ToTimeSpan().TotalDays);
        // The category convention still routes under rectification.*: to urban management, in the demo rules.
        Assert.Equal(("market-hygiene", $"rectification.{inspection}.market-hygiene", "director-li", "city-management"),
            (byId[a].Topic, byId[a].Category, byId[a].Responsible, byId[a].Department));
        Assert.All(new[] { b, c, g, d, e }.Select(id => byId[id]), task => Assert.True(!task.Overdue && task.OverdueBy is null, task.CaseId));

        var late = byId[g];
        Assert.Equal((CaseStatus.RectificationSubmitted, false), (late.Status, late.DoneOnTime));
        Assert.True(late.CompletedAt.ToDateTimeOffset() > late.DueAt.ToDateTimeOffset());
        Assert.Equal((CaseStatus.Rectified, true), (byId[b].Status, byId[b].DoneOnTime));
        Assert.Equal((CaseStatus.RectificationSubmitted, true), (byId[c].Status, byId[c].DoneOnTime));
        Assert.True(byId[c].CompletedAt.ToDateTimeOffset() < t0.AddDays(1));
        Assert.Null(byId[c].NextReportDue);

        var reported = byId[d];
        Assert.Equal((1, false, true), (reported.ProgressReports, reported.Overdue, reported.ProgressReportOverdue));
        Assert.Equal(reported.LastReportAt.ToDateTimeOffset().AddMonths(1), reported.NextReportDue.ToDateTimeOffset());
        var listed = byId[e];
        Assert.Equal((CaseStatus.RectificationListed, "", "signage", false), (listed.Status, listed.Responsible, listed.Topic, listed.ProgressReportOverdue));
        Assert.Null(listed.DueAt);
        Assert.DoesNotContain(otherInspection, byId.Keys);
    }

    [Fact]
    public async Task ADashboardOfAnArea_LeavesOutTheInspectionsTasksElsewhere()
    {
        var inspection = FreshInspection();
        var (inside, community) = await CellWithCommunityAsync(notIn: null);
        var (outside, _) = await CellWithCommunityAsync(notIn: community);
        var here = await ListAsync(inspection, "market-hygiene", inside);
        var there = await ListAsync(inspection, "river-banks", outside);
        var due = fixture.CityTime.GetUtcNow().AddDays(30);
        await AssignAsync(here, "director-li", due);
        await AssignAsync(there, "director-wang", due.AddDays(1));

        var ofCommunity = await Dashboards.GetRectificationDashboardAsync(new GetRectificationDashboardRequest { Inspection = inspection, Area = community });
        var ofCell = await Dashboards.GetRectificationDashboardAsync(new GetRectificationDashboardRequest { Inspection = inspection, Area = outside });
        var ofCity = await Dashboards.GetRectificationDashboardAsync(new GetRectificationDashboardRequest { Inspection = inspection });

        Assert.Equal([here], ofCommunity.Tasks.Select(task => task.CaseId));
        Assert.Equal((1, 1, community), (ofCommunity.Totals.Tasks, ofCommunity.Totals.Rectifying, ofCommunity.Area));
        Assert.Equal([there], ofCell.Tasks.Select(task => task.CaseId));
        Assert.Equal([here, there], ofCity.Tasks.Select(task => task.CaseId));
        Assert.Equal((2, 0, 0.0), (ofCity.Totals.Tasks, ofCity.Totals.DoneOnTime, ofCity.Totals.DoneOnTimeShare));
    }

    [Fact]
    public async Task AnInspectionWithoutTasks_HasZeroTotals_AndNoShare()
    {
        var empty = await Dashboards.GetRectificationDashboardAsync(new GetRectificationDashboardRequest { Inspection = FreshInspection() });

        Assert.Equal((0, 0), (empty.Totals.Tasks, empty.Tasks.Count));
        Assert.False(empty.Totals.HasDoneOnTimeShare);
    }

    [Fact]
    public async Task AMalformedInspectionCode_IsInvalidArgument_NamingTheField_AndAnUnknownArea_NotFound()
    {
        var twoSegments = await RpcAssert.InvalidField("inspection", () => Dashboards.GetRectificationDashboardAsync(
            new GetRectificationDashboardRequest { Inspection = "2026.provincial" }).ResponseAsync);
        var wildcard = await RpcAssert.InvalidField("inspection", () => Dashboards.GetRectificationDashboardAsync(
            new GetRectificationDashboardRequest { Inspection = "*" }).ResponseAsync);
        var missing = await RpcAssert.InvalidField("inspection", () => Dashboards.GetRectificationDashboardAsync(
            new GetRectificationDashboardRequest()).ResponseAsync);
        var tooLong = await RpcAssert.InvalidField("inspection", () => Dashboards.GetRectificationDashboardAsync(
            new GetRectificationDashboardRequest { Inspection = new string('a', 49) }).ResponseAsync);
        var unknownArea = await RpcAssert.FailsWith(StatusCode.NotFound, () => Dashboards.GetRectificationDashboardAsync(
            new GetRectificationDashboardRequest { Inspection = "2026-provincial", Area = "atlantis" }).ResponseAsync);

        Assert.Contains("one code segment", twoSegments.Description, StringComparison.Ordinal);
        Assert.Contains("without '.'", wildcard.Description, StringComparison.Ordinal);
        Assert.Contains("is required", missing.Description, StringComparison.Ordinal);
        Assert.Contains("at most 48", tooLong.Description, StringComparison.Ordinal);
        Assert.Contains("area: ", unknownArea.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("atlantis", unknownArea.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJsonRoute_GivesTheSameTotals_AndOrder_AsGrpc()
    {
        var inspection = FreshInspection();
        var now = fixture.CityTime.GetUtcNow();
        var done = await ListAsync(inspection, "market-hygiene");
        var open = await ListAsync(inspection, "river-banks");
        await AssignAsync(done, "director-li", now.AddDays(10));
        await StepAsync(done, CaseAction.Complete, "Markets cleaned.");
        await AssignAsync(open, "director-wang", now.AddDays(5));
        var overGrpc = await Dashboards.GetRectificationDashboardAsync(new GetRectificationDashboardRequest { Inspection = inspection });

        using var web = Host.WebClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/inspections/{inspection}/rectification");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Host.TokenFor("worker-1", "grid-worker"));
        using var answer = await web.SendAsync(request);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal((2, 1, 1, 1), (overGrpc.Totals.Tasks, overGrpc.Totals.Rectifying, overGrpc.Totals.Submitted, overGrpc.Totals.DoneOnTime));
        Assert.Equal(overGrpc.Totals.Tasks, totals.GetProperty("tasks").GetInt32());
        Assert.Equal(overGrpc.Totals.Rectifying, totals.GetProperty("rectifying").GetInt32());
        Assert.Equal(overGrpc.Totals.Submitted, totals.GetProperty("submitted").GetInt32());
        Assert.Equal(overGrpc.Totals.DoneOnTime, totals.GetProperty("doneOnTime").GetInt32());
        Assert.Equal(0.5, totals.GetProperty("doneOnTimeShare").GetDouble());
        Assert.Equal([open, done], json.RootElement.GetProperty("tasks").EnumerateArray().Select(task => task.GetProperty("caseId").GetString()));
        Assert.Equal(inspection, json.RootElement.GetProperty("inspection").GetString());
    }

    /// <summary>
    /// The dashboard once it lists <paramref name="tasks"/> tasks: a task never stepped reaches the case list with its
    /// cell's next stored rows (a step in the same cell, or the intake checkpoint within seconds).
    /// </summary>
    private async Task<GetRectificationDashboardResponse> DashboardOfAsync(string inspection, int tasks)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var dashboard = await Dashboards.GetRectificationDashboardAsync(new GetRectificationDashboardRequest { Inspection = inspection });
            if (dashboard.Totals.Tasks >= tasks || DateTime.UtcNow > giveUp)
            {
                return dashboard;
            }

            await Task.Delay(200);
        }
    }

    private static string FreshInspection() => $"i{Guid.NewGuid():N}"[..14];

    // A cell, and its community (its lowest area), not in the community given.
    private async Task<(string CellId, string Community)> CellWithCommunityAsync(string? notIn)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var (cellId, _) = await CityProbe.FreshCellAsync(Host);
            var community = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell.Areas[0].Code;
            if (community != notIn)
            {
                return (cellId, community);
            }
        }

        throw new InvalidOperationException($"Every cell tried lies in {notIn}.");
    }

    private async Task<string> ListAsync(string inspection, string topic, string? cellId = null)
    {
        cellId ??= (await CityProbe.FreshCellAsync(Host)).CellId;
        var report = Reports.InCell(cellId);
        (report.Kind, report.Category, report.ReporterId) = (CaseKind.Rectification, $"rectification.{inspection}.{topic}", "inspection-team-2");
        report.Description = $"Feedback item on {topic}: not yet up to standard.";
        return (await Host.Intake.ReportAsync(report)).CaseId;
    }

    private Task<TransitionCaseResponse> AssignAsync(string caseId, string responsible, DateTimeOffset dueBy) =>
        Host.Cases.TransitionCaseAsync(new TransitionCaseRequest
        {
            CaseId = caseId, Action = CaseAction.Assign, Actor = "supervisor-1", Responsible = responsible, DueBy = Timestamp.FromDateTimeOffset(dueBy),
        }).ResponseAsync;

    private Task<TransitionCaseResponse> StepAsync(string caseId, CaseAction action, string reason) =>
        Host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = caseId, Action = action, Actor = "supervisor-1", Reason = reason }).ResponseAsync;
}
