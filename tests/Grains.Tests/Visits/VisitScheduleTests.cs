using Governance.Contracts;
using Governance.Contracts.Common;
using Governance.Contracts.Households;
using Governance.Contracts.Records;
using Governance.Contracts.Residents;
using Governance.Grains.Clock;
using Governance.Grains.Storage;
using Governance.Grains.Tests.Infrastructure;
using Governance.Grains.Visits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Grains.Tests.Visits;

/// <summary>
/// Visits follow each need's cadence: due when the need is put on file, then a day, a week or a month after the last
/// visit of its kind; listed per cell and per grid worker, most overdue first; a visit missed past the grace period (3
/// days) opens one case in the resident's cell.
/// </summary>
[Collection(MovableClockClusterCollection.Name)]
public sealed class VisitScheduleTests(MovableClockClusterFixture fixture)
{
    private static int _sequence;

    private IPeopleIndexGrain People => fixture.Grains.GetGrain<IPeopleIndexGrain>(0);

    private VisitWatch Watch => new(
        fixture.Grains, fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IPeopleIndex>(), new CityClock(fixture.Clock), new VisitOptions(),
        NullLogger<VisitWatch>.Instance);

    [Fact]
    public async Task EachNeed_IsDueByItsCadence_ListedMostOverdueFirst_AndAMissedVisitOpensOneCase()
    {
        var cell = fixture.City.Cells[^5];
        var worker = $"worker-{Guid.NewGuid():N}"[..16];
        await People.AssignWorkerAsync(cell.Code, worker);
        var residentId = await ResidentWithNeedsAsync(cell.Code, ("health check", ServiceCadenceKind.Weekly), ("phone call", ServiceCadenceKind.Daily));
        var resident = fixture.Grains.GetGrain<IResidentGrain>(GrainKeys.Resident(residentId));
        var putOnFile = (await resident.GetFileAsync())!.UpdatedAt;

        var dueAtOnce = await DueAsync(cell.Code, "");
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        var visitedAt = fixture.Clock.GetUtcNow();
        await resident.RecordVisitAsync(new VisitRecord("Health check", "Well; blood pressure a little high.", [new MeasurementInfo("blood pressure", "142/88", "mmHg")], worker, visitedAt));
        var afterVisit = await DueAsync("", worker, TimeSpan.FromDays(30));
        fixture.Clock.Advance(TimeSpan.FromDays(4));
        var opened = await Watch.CheckAsync();
        var openedAgain = await Watch.CheckAsync();
        var cases = await fixture.Grains.Cell(cell.Code).GetSnapshotAsync();
        var calledAt = fixture.Clock.GetUtcNow();
        await resident.RecordVisitAsync(new VisitRecord("phone call", "Answered; all well.", [], worker, calledAt));
        var afterCall = await DueAsync(cell.Code, "", TimeSpan.FromDays(30));
        var file = (await resident.GetFileAsync())!;

        Assert.Equal(["health check", "phone call"], dueAtOnce.Where(v => v.ResidentId == residentId).Select(v => v.Kind).Order());
        Assert.All(dueAtOnce.Where(v => v.ResidentId == residentId), v => Assert.Equal(putOnFile, v.DueAt));
        var ours = afterVisit.Where(v => v.ResidentId == residentId).ToList();
        Assert.Equal(["phone call", "health check"], ours.Select(v => v.Kind));
        Assert.Equal((visitedAt.AddDays(7), visitedAt), (ours[1].DueAt, ours[1].LastVisitAt));
        // Other tests' residents in this cluster may be overdue too; ours is among those opened.
        Assert.InRange(opened, 1, int.MaxValue);
        Assert.Equal(0, openedAgain);
        var missed = Assert.Single(cases.OpenCases, c => c.Category == VisitWatch.Category && c.Headline.Contains(residentId, StringComparison.Ordinal));
        Assert.Contains("daily phone call", missed.Headline, StringComparison.Ordinal);
        Assert.Equal(calledAt.AddDays(1), afterCall.Single(v => v.ResidentId == residentId && v.Kind == "phone call").DueAt);
        Assert.Equal(2, file.Details.ServiceHistory.Length);
        Assert.Equal(1, file.Version);
    }

    [Fact]
    public async Task ANeedKeepsItsDueTimeThroughAnEdit_AndOneDroppedLeavesTheSchedule()
    {
        var cell = fixture.City.Cells[^6];
        var residentId = await ResidentWithNeedsAsync(cell.Code, ("meal delivery", ServiceCadenceKind.Daily), ("home safety check", ServiceCadenceKind.Monthly));
        var resident = fixture.Grains.GetGrain<IResidentGrain>(GrainKeys.Resident(residentId));
        var before = (await DueAsync(cell.Code, "")).Where(v => v.ResidentId == residentId).ToList();
        fixture.Clock.Advance(TimeSpan.FromHours(5));
        var file = (await resident.GetFileAsync())!;

        var edited = await resident.UpdateAsync(file.Details with { ServiceNeeds = [new ServiceNeedInfo("Meal delivery", ServiceCadenceKind.Daily)] }, file.Version);
        var after = (await DueAsync(cell.Code, "")).Where(v => v.ResidentId == residentId).ToList();

        Assert.Equal(RecordWriteOutcome.Written, edited.Outcome);
        Assert.Equal(2, before.Count);
        var kept = Assert.Single(after);
        Assert.Equal(before.Single(v => v.Kind == "meal delivery").DueAt, kept.DueAt);
    }

    private async Task<IReadOnlyList<DueVisit>> DueAsync(string cellId, string workerId, TimeSpan? within = null) =>
        await People.ListDueVisitsAsync(new DueVisitQuery(cellId, workerId, fixture.Clock.GetUtcNow() + (within ?? TimeSpan.FromMinutes(1)), 100));

    private async Task<string> ResidentWithNeedsAsync(string cellId, params (string Kind, ServiceCadenceKind Cadence)[] needs)
    {
        var householdId = $"h-visit-{Guid.NewGuid():N}"[..20];
        var centre = fixture.City.Cells.Single(c => c.Code == cellId).Centroid;
        var household = new HouseholdDetails(householdId, cellId, "3 Well Street", new GeoLocation(centre.Latitude, centre.Longitude), 12, 1, 2, "brick-wood", 1962, false, []);
        Assert.Equal(RecordWriteOutcome.Written, (await fixture.Grains.GetGrain<IHouseholdGrain>(GrainKeys.Household(householdId)).CreateAsync(household)).Outcome);
        var residentId = $"r-visit-{Guid.NewGuid():N}"[..20];
        var idNumber = City.Population.ResidentIdNumber.Create("650102", new DateOnly(1938, 5, 5), Interlocked.Increment(ref _sequence) % 500, City.Population.Gender.Female);
        var details = new ResidentDetails(residentId, householdId, "Wu Lan", "female", new DateOnly(1938, 5, 5), idNumber, "", "head", ["elderly-alone"])
        {
            ServiceNeeds = [.. needs.Select(n => new ServiceNeedInfo(n.Kind, n.Cadence))],
        };
        var created = await fixture.Grains.GetGrain<IResidentGrain>(GrainKeys.Resident(residentId)).CreateAsync(details);
        Assert.True(created.Outcome == RecordWriteOutcome.Written, created.Reason);
        return residentId;
    }
}
