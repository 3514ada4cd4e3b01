using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Tests.Infrastructure;
using static Governance.Gateway.Tests.Infrastructure.TestPeople;
using Grpc.Core;
using Grpc.Net.Client;

namespace Governance.Gateway.Tests.Access;

/// <summary>
/// Who sees a resident's private data: the grid worker of the resident's cell, civil affairs and admins see it all,
/// and each such read is in the audit log; everyone else gets it masked. A grid worker changes records only in their
/// own cells, and a reassignment holds at once.
/// </summary>
[Collection(DemoCityCollection.Name)]
public sealed class PrivacyTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task TheCellsGridWorker_CivilAffairsAndAdmins_SeeTheFullFile_OthersMasked_AndEveryFullReadIsLogged()
    {
        var (cellA, centreA) = await CityProbe.FreshCellAsync(Host);
        var (cellB, _) = await CityProbe.FreshCellAsync(Host);
        var workerA = Unique("worker-a");
        var workerB = Unique("worker-b");
        var admin = new ResidentService.ResidentServiceClient(Host.Channel);
        await admin.AssignGridWorkerAsync(new AssignGridWorkerRequest { CellId = cellA, WorkerId = workerA });
        await admin.AssignGridWorkerAsync(new AssignGridWorkerRequest { CellId = cellB, WorkerId = workerB });
        var household = await new HouseholdService.HouseholdServiceClient(Host.Channel).CreateHouseholdAsync(new CreateHouseholdRequest { Profile = HouseholdAt(centreA) });
        var profile = ResidentIn(household.Household.Profile.HouseholdId);
        var created = (await admin.CreateResidentAsync(new CreateResidentRequest { Profile = profile })).Resident;
        await admin.RecordVisitAsync(new RecordVisitRequest
        {
            ResidentId = profile.ResidentId,
            Visit = new Visit { Kind = "health check", Notes = "Dizzy in the mornings.", VisitedBy = workerA, VisitedAt = HourAgo(), Measurements = { new Measurement { Name = "blood pressure", Value = "152/95", Unit = "mmHg" } } },
        });

        var civil = Unique("civil");
        var dispatcher = Unique("dispatcher");
        var analyst = Unique("analyst");
        var full = new Dictionary<string, Resident>();
        foreach (var (subject, role) in new[] { (workerA, Roles.GridWorker), (civil, Roles.CivilAffairs), (workerB, Roles.GridWorker), (dispatcher, Roles.Dispatcher), (analyst, Roles.Analyst) })
        {
            using var channel = Host.ChannelAs(subject, role);
            full[subject] = (await new ResidentService.ResidentServiceClient(channel).GetResidentAsync(new GetResidentRequest { ResidentId = profile.ResidentId })).Resident;
        }

        var log = await admin.ListProfileReadsAsync(new ListProfileReadsRequest { ResidentId = profile.ResidentId });

        Assert.Equal(profile, created.Profile);
        foreach (var seer in new[] { workerA, civil })
        {
            Assert.Equal(profile.IdNumber, full[seer].Profile.IdNumber);
            Assert.Equal(profile.HealthNotes, full[seer].Profile.HealthNotes);
            Assert.Equal("152/95", Assert.Single(Assert.Single(full[seer].ServiceHistory).Measurements).Value);
            Assert.Empty(full[seer].MaskedFields);
        }

        foreach (var outsider in new[] { workerB, dispatcher, analyst })
        {
            var masked = full[outsider];
            Assert.Equal(profile.IdNumber[0] + new string('*', 16) + profile.IdNumber[^1], masked.Profile.IdNumber);
            Assert.Equal("139****4321", masked.Profile.Phone);
            Assert.Equal("+86 138-****-8000", Assert.Single(masked.Profile.EmergencyContacts).Phone);
            Assert.Equal("", masked.Profile.HealthNotes);
            var visit = Assert.Single(masked.ServiceHistory);
            Assert.Equal(("health check", "", 0), (visit.Kind, visit.Notes, visit.Measurements.Count));
            Assert.Equal(
                ["profile.id_number", "profile.phone", "profile.health_notes", "profile.emergency_contacts.phone", "service_history.notes", "service_history.measurements"],
                masked.MaskedFields);
            Assert.Equal((profile.Name, created.CellId, created.BirthDate), (masked.Profile.Name, masked.CellId, masked.BirthDate));
        }

        // Newest first: the two full reads, then the admin's create, whose answer carried the file too.
        Assert.Equal(
            [(civil, "ResidentService.GetResident", "civil-affairs"), (workerA, "ResidentService.GetResident", "grid-worker"), ("test-admin", "ResidentService.CreateResident", "admin")],
            log.Reads.Select(read => (read.ReaderId, read.Rpc, string.Join(' ', read.ReaderRoles))).ToArray());
        Assert.All(log.Reads, read => Assert.Equal(profile.ResidentId, read.ResidentId));
        Assert.All(log.Reads, read => Assert.InRange(read.ReadAt.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task AGridWorker_ChangesRecordsOnlyInTheirOwnCells_AndAReassignmentHoldsAtOnce()
    {
        var (cellA, centreA) = await CityProbe.FreshCellAsync(Host);
        var (cellB, centreB) = await CityProbe.FreshCellAsync(Host);
        var workerA = Unique("worker-a");
        var workerB = Unique("worker-b");
        var admin = new ResidentService.ResidentServiceClient(Host.Channel);
        await admin.AssignGridWorkerAsync(new AssignGridWorkerRequest { CellId = cellA, WorkerId = workerA });
        await admin.AssignGridWorkerAsync(new AssignGridWorkerRequest { CellId = cellB, WorkerId = workerB });
        using var channelA = Host.ChannelAs(workerA, Roles.GridWorker);
        using var channelB = Host.ChannelAs(workerB, Roles.GridWorker);
        var (residentsA, householdsA) = Clients(channelA);
        var (residentsB, _) = Clients(channelB);

        var ownHousehold = (await householdsA.CreateHouseholdAsync(new CreateHouseholdRequest { Profile = HouseholdAt(centreA) })).Household;
        var foreignProfile = HouseholdAt(centreB);
        var foreignHousehold = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => householdsA.CreateHouseholdAsync(new CreateHouseholdRequest { Profile = foreignProfile }).ResponseAsync);
        var profile = ResidentIn(ownHousehold.Profile.HouseholdId);
        var created = (await residentsA.CreateResidentAsync(new CreateResidentRequest { Profile = profile })).Resident;
        var visit = new Visit { Kind = "health check", Notes = "Well.", VisitedBy = workerB, VisitedAt = HourAgo() };
        var foreignVisit = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => residentsB.RecordVisitAsync(new RecordVisitRequest { ResidentId = profile.ResidentId, Visit = visit }).ResponseAsync);
        var changed = profile.Clone();
        changed.Phone = "13700000000";
        var foreignUpdate = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => residentsB.UpdateResidentAsync(new UpdateResidentRequest { Profile = changed, Version = created.Version }).ResponseAsync);
        var othersVisits = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => residentsA.ListDueVisitsAsync(new ListDueVisitsRequest { WorkerId = workerB }).ResponseAsync);
        var otherCellsVisits = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => residentsA.ListDueVisitsAsync(new ListDueVisitsRequest { CellId = cellB }).ResponseAsync);
        var ownVisits = await residentsA.ListDueVisitsAsync(new ListDueVisitsRequest { WorkerId = workerA, DueBefore = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)) });

        await admin.AssignGridWorkerAsync(new AssignGridWorkerRequest { CellId = cellA, WorkerId = workerB });
        var seenByFormer = (await residentsA.GetResidentAsync(new GetResidentRequest { ResidentId = profile.ResidentId })).Resident;
        var seenByNew = (await residentsB.GetResidentAsync(new GetResidentRequest { ResidentId = profile.ResidentId })).Resident;
        var stored = (await admin.GetResidentAsync(new GetResidentRequest { ResidentId = profile.ResidentId })).Resident;
        var missing = await RpcAssert.FailsWith(StatusCode.NotFound,
            () => new HouseholdService.HouseholdServiceClient(Host.Channel).GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = foreignProfile.HouseholdId }).ResponseAsync);

        Assert.Equal(cellA, ownHousehold.CellId);
        Assert.Contains($"{workerA} (grid-worker) is not the grid worker of cell {cellB}", foreignHousehold.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"is not the grid worker of cell {cellA}", foreignVisit.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"is not the grid worker of cell {cellA}", foreignUpdate.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"may list only their own visits (worker_id {workerA}), not {workerB}'s", othersVisits.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"is not the grid worker of cell {cellB}", otherCellsVisits.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(ownVisits.Visits, due => due.ResidentId == profile.ResidentId && due.Kind == "health check");
        Assert.Equal(["profile.id_number", "profile.phone", "profile.health_notes", "profile.emergency_contacts.phone"], seenByFormer.MaskedFields);
        Assert.Equal(profile.IdNumber, seenByNew.Profile.IdNumber);
        // The refused calls changed nothing.
        Assert.Equal((1L, profile.Phone), (stored.Version, stored.Profile.Phone));
        Assert.Empty(stored.ServiceHistory);
        Assert.Contains(foreignProfile.HouseholdId, missing.Status.Detail, StringComparison.Ordinal);
    }

    private static (ResidentService.ResidentServiceClient, HouseholdService.HouseholdServiceClient) Clients(GrpcChannel channel) =>
        (new ResidentService.ResidentServiceClient(channel), new HouseholdService.HouseholdServiceClient(channel));

    private static Google.Protobuf.WellKnownTypes.Timestamp HourAgo() => Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1));

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static ResidentProfile ResidentIn(string householdId)
    {
        var profile = TestPeople.ResidentIn(householdId, "Wang Shufen", new DateOnly(1943, 6, 2));
        profile.Phone = "13912344321";
        profile.HealthNotes = "Type 2 diabetes; insulin at night.";
        profile.ServiceNeeds.Add(new ServiceNeed { Kind = "health check", Cadence = ServiceCadence.Weekly });
        profile.EmergencyContacts.Add(new EmergencyContact { Name = "Wang Lei", Relation = "son", Phone = "+86 138-0013-8000" });
        return profile;
    }
}
