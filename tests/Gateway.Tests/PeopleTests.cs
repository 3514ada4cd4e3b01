using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using static Governance.Gateway.Tests.Infrastructure.TestPeople;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>Residents' files and households over the API: written, read, moved, searched, and refused field by field.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class PeopleTests(DemoCityHostFixture fixture)
{

    private GatewayHost Host => fixture.Host;

    private ResidentService.ResidentServiceClient Residents => new(Host.Channel);

    private HouseholdService.HouseholdServiceClient Households => new(Host.Channel);

    [Fact]
    public async Task AFile_IsOpenedInItsHousehold_Updated_Moved_AndFound_ByCellTagAndName()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var (otherCell, otherCentre) = await CityProbe.FreshCellAsync(Host);
        var first = (await Households.CreateHouseholdAsync(new CreateHouseholdRequest { Profile = HouseholdAt(centre) })).Household;
        var second = (await Households.CreateHouseholdAsync(new CreateHouseholdRequest { Profile = HouseholdAt(otherCentre) })).Household;
        var profile = ResidentIn(first.Profile.HouseholdId, "Zhou Guilan", new DateOnly(1941, 3, 9));
        profile.Tags.Add("elderly-alone");
        profile.HealthNotes = "Hypertension; takes amlodipine every morning.";
        profile.ServiceNeeds.Add(new ServiceNeed { Kind = "health check", Cadence = ServiceCadence.Weekly });
        profile.EmergencyContacts.Add(new EmergencyContact { Name = "Zhou Min", Relation = "daughter", Phone = "+86 138-0013-8000" });

        var created = (await Residents.CreateResidentAsync(new CreateResidentRequest { Profile = profile })).Resident;
        var home = (await Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = first.Profile.HouseholdId })).Household;
        var byCellAndTag = await Residents.SearchResidentsAsync(new SearchResidentsRequest { CellId = cellId, Tag = "elderly-alone" });
        var byName = await Residents.SearchResidentsAsync(new SearchResidentsRequest { NamePrefix = "Zhou Gui" });
        var moved = profile.Clone();
        moved.HouseholdId = second.Profile.HouseholdId;
        var updated = (await Residents.UpdateResidentAsync(new UpdateResidentRequest { Profile = moved, Version = created.Version })).Resident;
        var stale = await RpcAssert.FailsWith(StatusCode.Aborted, () => Residents.UpdateResidentAsync(new UpdateResidentRequest { Profile = moved, Version = created.Version }).ResponseAsync);
        var left = (await Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = first.Profile.HouseholdId })).Household;
        var joined = (await Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = second.Profile.HouseholdId })).Household;
        var inOldCell = await Residents.SearchResidentsAsync(new SearchResidentsRequest { CellId = cellId, NamePrefix = "Zhou Gui" });
        var inNewCell = await Residents.SearchResidentsAsync(new SearchResidentsRequest { CellId = otherCell, NamePrefix = "Zhou Gui" });

        Assert.Equal((cellId, 1L, "1941-03-09", "female"), (created.CellId, created.Version, created.BirthDate, created.Gender));
        Assert.Equal(profile, created.Profile);
        Assert.Equal([profile.ResidentId], home.MemberIds);
        Assert.Contains(byCellAndTag.Residents, r => r.ResidentId == profile.ResidentId && r.Tags.Contains("elderly-alone"));
        Assert.All(byCellAndTag.Residents, r => Assert.Equal(cellId, r.CellId));
        Assert.Contains(byName.Residents, r => r.ResidentId == profile.ResidentId);
        Assert.All(byName.Residents, r => Assert.StartsWith("Zhou Gui", r.Name, StringComparison.Ordinal));
        Assert.Equal((2L, otherCell), (updated.Version, updated.CellId));
        Assert.NotNull(updated.UpdatedAt);
        Assert.Contains("version 2, not 1", stale.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(left.MemberIds);
        Assert.Equal([profile.ResidentId], joined.MemberIds);
        Assert.DoesNotContain(inOldCell.Residents, r => r.ResidentId == profile.ResidentId);
        Assert.Contains(inNewCell.Residents, r => r.ResidentId == profile.ResidentId);
    }

    [Fact]
    public async Task TheRegistersResidents_AreSearchable_APageAtATime()
    {
        var cell = (await Host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells[0];
        var households = await Households.SearchHouseholdsAsync(new SearchHouseholdsRequest { CellId = cell.CellId, PageSize = 2 });
        var firstPage = await Residents.SearchResidentsAsync(new SearchResidentsRequest { CellId = cell.CellId, PageSize = 3 });
        var secondPage = await Residents.SearchResidentsAsync(new SearchResidentsRequest { CellId = cell.CellId, PageSize = 3, PageToken = firstPage.NextPageToken });
        var member = (await Residents.GetResidentAsync(new GetResidentRequest { ResidentId = firstPage.Residents[0].ResidentId })).Resident;
        var foreign = await RpcAssert.InvalidField("page_token", () =>
            Residents.SearchResidentsAsync(new SearchResidentsRequest { Tag = "disabled", PageToken = firstPage.NextPageToken }).ResponseAsync);

        Assert.NotEmpty(households.Households);
        Assert.All(households.Households, h => Assert.Equal(cell.CellId, h.CellId));
        Assert.Equal(3, firstPage.Residents.Count);
        Assert.NotEmpty(firstPage.NextPageToken);
        var names = firstPage.Residents.Concat(secondPage.Residents).Select(r => (r.Name, r.ResidentId)).ToList();
        Assert.Equal(names.Order(), names);
        Assert.Empty(firstPage.Residents.Select(r => r.ResidentId).Intersect(secondPage.Residents.Select(r => r.ResidentId)));
        Assert.Equal((cell.CellId, 1L), (member.CellId, member.Version));
        Assert.Null(member.UpdatedAt);
        Assert.NotNull(foreign);
    }

    [Fact]
    public async Task BadFilesAndDuplicates_AreRefused_NamingEachField_AndChangeNothing()
    {
        var (_, centre) = await CityProbe.FreshCellAsync(Host);
        var household = (await Households.CreateHouseholdAsync(new CreateHouseholdRequest { Profile = HouseholdAt(centre) })).Household;
        var good = ResidentIn(household.Profile.HouseholdId, "Li Qiang", new DateOnly(1980, 7, 1));
        await Residents.CreateResidentAsync(new CreateResidentRequest { Profile = good });
        var bad = good.Clone();
        (bad.ResidentId, bad.IdNumber, bad.Phone) = ("Bad Id", "110101198007011235", "call me");
        bad.Tags.Add("vip");
        bad.ServiceNeeds.Add(new ServiceNeed { Kind = "meals" });
        var badHousehold = HouseholdAt(centre);
        (badHousehold.Storey, badHousehold.BuildingStoreys, badHousehold.BuiltYear, badHousehold.Location) = (9, 6, 1700, new GeoPoint { Latitude = 0, Longitude = 0 });

        var wrong = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Residents.CreateResidentAsync(new CreateResidentRequest { Profile = bad }).ResponseAsync);
        var wrongHousehold = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Households.CreateHouseholdAsync(new CreateHouseholdRequest { Profile = badHousehold }).ResponseAsync);
        var sameId = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => Residents.CreateResidentAsync(new CreateResidentRequest { Profile = good }).ResponseAsync);
        var sameIdNumber = good.Clone();
        sameIdNumber.ResidentId = $"r-test-{Guid.NewGuid():N}"[..20];
        var twin = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => Residents.CreateResidentAsync(new CreateResidentRequest { Profile = sameIdNumber }).ResponseAsync);
        var homeless = ResidentIn("h-nowhere", "Wang Fang", new DateOnly(1990, 1, 2));
        var noHousehold = await RpcAssert.FailsWith(StatusCode.NotFound, () => Residents.CreateResidentAsync(new CreateResidentRequest { Profile = homeless }).ResponseAsync);
        var unknown = await RpcAssert.FailsWith(StatusCode.NotFound, () => Residents.GetResidentAsync(new GetResidentRequest { ResidentId = "r-never" }).ResponseAsync);

        foreach (var field in new[] { "profile.resident_id", "profile.id_number", "profile.phone", "profile.tags[0]", "profile.service_needs[0].cadence" })
        {
            Assert.Contains(field, wrong.Status.Detail, StringComparison.Ordinal);
        }

        foreach (var field in new[] { "profile.storey", "profile.built_year", "profile.location" })
        {
            Assert.Contains(field, wrongHousehold.Status.Detail, StringComparison.Ordinal);
        }

        Assert.Contains("resident_id", sameId.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("id_number: another resident's file has this ID number", twin.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("household_id: there is no household 'h-nowhere'", noHousehold.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(unknown);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Residents.GetResidentAsync(new GetResidentRequest { ResidentId = sameIdNumber.ResidentId }).ResponseAsync);
        var home = (await Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.Profile.HouseholdId })).Household;
        Assert.Equal([good.ResidentId], home.MemberIds);
    }

    [Fact]
    public async Task Visits_AreRecorded_AndTheGridWorkerSeesWhoIsDue_MostOverdueFirst()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var worker = $"worker-{Guid.NewGuid():N}"[..16];
        var assigned = await Residents.AssignGridWorkerAsync(new AssignGridWorkerRequest { CellId = cellId, WorkerId = worker });
        var household = (await Households.CreateHouseholdAsync(new CreateHouseholdRequest { Profile = HouseholdAt(centre) })).Household;
        var profile = ResidentIn(household.Profile.HouseholdId, "Qian Shu", new DateOnly(1936, 11, 30));
        profile.ServiceNeeds.Add(new ServiceNeed { Kind = "health check", Cadence = ServiceCadence.Weekly });
        profile.ServiceNeeds.Add(new ServiceNeed { Kind = "phone call", Cadence = ServiceCadence.Daily });
        await Residents.CreateResidentAsync(new CreateResidentRequest { Profile = profile });
        var visitedAt = DateTimeOffset.UtcNow.AddMinutes(-10);

        var dueFirst = await Residents.ListDueVisitsAsync(new ListDueVisitsRequest { WorkerId = worker });
        var recorded = await Residents.RecordVisitAsync(new RecordVisitRequest
        {
            ResidentId = profile.ResidentId,
            Visit = new Visit
            {
                Kind = "health check", Notes = "Walking well; asked about her pension.", VisitedBy = worker,
                VisitedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(visitedAt),
                Measurements = { new Measurement { Name = "blood pressure", Value = "135/85", Unit = "mmHg" } },
            },
        });
        var dueNow = await Residents.ListDueVisitsAsync(new ListDueVisitsRequest { CellId = cellId });
        var file = (await Residents.GetResidentAsync(new GetResidentRequest { ResidentId = profile.ResidentId })).Resident;
        var neither = await RpcAssert.InvalidField("cell_id", () => Residents.ListDueVisitsAsync(new ListDueVisitsRequest()).ResponseAsync);
        var future = await RpcAssert.InvalidField("visit.visited_at", () => Residents.RecordVisitAsync(new RecordVisitRequest
        {
            ResidentId = profile.ResidentId,
            Visit = new Visit { Kind = "health check", VisitedBy = worker, VisitedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(2)) },
        }).ResponseAsync);
        var unknownCell = await RpcAssert.FailsWith(StatusCode.NotFound, () => Residents.AssignGridWorkerAsync(new AssignGridWorkerRequest { CellId = "x.1.1", WorkerId = worker }).ResponseAsync);

        Assert.Equal((cellId, worker), (assigned.CellId, assigned.WorkerId));
        Assert.Equal(["health check", "phone call"], dueFirst.Visits.Where(v => v.ResidentId == profile.ResidentId).Select(v => v.Kind).Order());
        var check = recorded.Schedule.Single(v => v.Kind == "health check");
        Assert.Equal(visitedAt.AddDays(7).ToUnixTimeMilliseconds(), check.DueAt.ToDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.False(check.Overdue);
        var ours = dueNow.Visits.Where(v => v.ResidentId == profile.ResidentId).ToList();
        Assert.Equal(["phone call"], ours.Select(v => v.Kind));
        Assert.Equal((0, cellId), (ours[0].DaysOverdue, ours[0].CellId));
        var due = dueNow.Visits.Select(v => v.DueAt.ToDateTimeOffset()).ToList();
        Assert.Equal(due.Order(), due);
        var visit = Assert.Single(file.ServiceHistory);
        Assert.Equal(("health check", "135/85", worker), (visit.Kind, visit.Measurements[0].Value, visit.VisitedBy));
        Assert.Equal(1, file.Version);
        Assert.Contains("not both and not neither", neither.Description, StringComparison.Ordinal);
        Assert.Contains("in the future", future.Description, StringComparison.Ordinal);
        Assert.NotNull(unknownCell);
    }

    [Fact]
    public async Task AnImport_CreatesWhatIsNew_RejectsBadLinesByNumber_AndASecondImportChangesNothing()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var household = HouseholdAt(centre);
        var resident = ResidentIn(household.HouseholdId, "Tang Yun", new DateOnly(1945, 2, 14));
        resident.ServiceNeeds.Add(new ServiceNeed { Kind = "health check", Cadence = ServiceCadence.Monthly });
        var badIdNumber = ResidentIn(household.HouseholdId, "Tang Bo", new DateOnly(1970, 6, 6));
        badIdNumber.IdNumber = "110101197013061234";
        var orphan = ResidentIn("h-no-such", "Xu Jing", new DateOnly(1988, 8, 8));
        ImportPeopleRequest[] records =
        [
            new() { Line = 2, Record = new PeopleRecord { Household = household } },
            new() { Line = 3, Record = new PeopleRecord { Resident = resident } },
            new() { Line = 4, Record = new PeopleRecord { Resident = badIdNumber } },
            new() { Line = 5, Record = new PeopleRecord { Resident = orphan } },
            new() { Line = 6, Record = new PeopleRecord() },
        ];

        var first = await ImportAsync(records);
        var second = await ImportAsync(records);
        var changed = resident.Clone();
        changed.Phone = "13900001111";
        var conflict = await ImportAsync([new() { Line = 9, Record = new PeopleRecord { Resident = changed } }]);
        var file = (await Residents.GetResidentAsync(new GetResidentRequest { ResidentId = resident.ResidentId })).Resident;
        var home = (await Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId })).Household;
        var due = await Residents.ListDueVisitsAsync(new ListDueVisitsRequest { CellId = cellId });

        Assert.Equal([2L, 3, 4, 5, 6], first.Select(a => a.Line));
        Assert.Equal([ImportOutcome.Created, ImportOutcome.Created, ImportOutcome.Rejected, ImportOutcome.Rejected, ImportOutcome.Rejected], first.Select(a => a.Outcome));
        Assert.Equal(("resident.id_number", "resident.household_id", "record"), (first[2].Field, first[3].Field, first[4].Field));
        Assert.Contains("there is no household 'h-no-such'", first[3].Reason, StringComparison.Ordinal);
        Assert.Equal([ImportOutcome.Unchanged, ImportOutcome.Unchanged, ImportOutcome.Rejected, ImportOutcome.Rejected, ImportOutcome.Rejected], second.Select(a => a.Outcome));
        Assert.Equal((ImportOutcome.Rejected, "resident.resident_id"), (conflict[0].Outcome, conflict[0].Field));
        Assert.Contains("UpdateResident", conflict[0].Reason, StringComparison.Ordinal);
        Assert.Equal((resident.Name, resident.IdNumber, cellId, 1L), (file.Profile.Name, file.Profile.IdNumber, file.CellId, file.Version));
        Assert.Equal([resident.ResidentId], home.MemberIds);
        Assert.Contains(due.Visits, v => v.ResidentId == resident.ResidentId && v.Kind == "health check");
    }

    private async Task<List<ImportPeopleResponse>> ImportAsync(IEnumerable<ImportPeopleRequest> records)
    {
        using var call = Residents.ImportPeople();
        foreach (var record in records)
        {
            await call.RequestStream.WriteAsync(record);
        }

        await call.RequestStream.CompleteAsync();
        var answers = new List<ImportPeopleResponse>();
        await foreach (var answer in call.ResponseStream.ReadAllAsync())
        {
            answers.Add(answer);
        }

        return answers;
    }
}
