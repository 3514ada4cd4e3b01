using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Residents;
using Governance.Contracts.Households;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Mapping;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>ResidentService: residents' files, each a grain; searches answered from the people index.</summary>
/// <remarks>
/// A grid worker reads full files and writes only in their own cells; anyone else allowed to read gets the private
/// fields masked (<see cref="ProfileMasking"/>), and every full file answered is logged for audit first.
/// </remarks>
public sealed partial class ResidentGrpcService(IGrainFactory grains, CityMap city, TimeProvider time, PeopleAccess access) : ResidentService.ResidentServiceBase
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;
    private const int NamePrefixMaxLength = 64;

    public override async Task<ResidentResponse> CreateResident(CreateResidentRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var details = PeopleRules.Resident(violations, request.Profile);
        violations.ThrowIfAny();
        await access.RequireWriterAsync(context.Caller(), $"household {details.HouseholdId} lives", () => HouseholdCellsAsync(details.HouseholdId));
        RecordWrites.ThrowIfRefused(await Grain(details.ResidentId).CreateAsync(details));
        return await ReadAsync(details.ResidentId, context);
    }

    public override async Task<ResidentResponse> UpdateResident(UpdateResidentRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var details = PeopleRules.Resident(violations, request.Profile);
        if (request.Version < 1)
        {
            violations.Add("version", "is required: the version of the file the change was made to");
        }

        violations.ThrowIfAny();
        await access.RequireWriterAsync(context.Caller(), $"resident {details.ResidentId}'s file is kept", async () =>
            (await HouseholdCellsAsync(details.HouseholdId)).Concat(await Grain(details.ResidentId).GetFileAsync() is { } current ? [current.CellId] : []));
        RecordWrites.ThrowIfRefused(await Grain(details.ResidentId).UpdateAsync(details, request.Version));
        return await ReadAsync(details.ResidentId, context);
    }

    public override async Task<ResidentResponse> GetResident(GetResidentRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        PeopleRules.RequireId(violations, "resident_id", request.ResidentId);
        violations.ThrowIfAny();
        return await ReadAsync(request.ResidentId, context);
    }

    public override async Task<SearchResidentsResponse> SearchResidents(SearchResidentsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.CellId.Length > 0)
        {
            PlaceRules.RequireCell(city, request.CellId);
        }

        if (request.Tag.Length > 0 && !PeopleRules.Tags.Contains(request.Tag))
        {
            violations.Add("tag", $"'{request.Tag}' is not a special group; one of {string.Join(", ", PeopleRules.Tags)}");
        }

        if (request.NamePrefix.Length > NamePrefixMaxLength)
        {
            violations.Add("name_prefix", $"is {request.NamePrefix.Length} characters long; at most {NamePrefixMaxLength} are allowed");
        }

        if (request.HouseholdId.Length > 0)
        {
            PeopleRules.RequireId(violations, "household_id", request.HouseholdId);
        }

        var pageSize = PageRules.Size(violations, request.PageSize, DefaultPageSize, MaxPageSize);

        if (!KeysetTokens.TryRead(request, 2, out var after))
        {
            violations.Add("page_token", "is not the next_page_token of a search with these filters");
        }

        violations.ThrowIfAny();
        // One more row than the page: if it comes, there is a next page.
        var rows = await grains.GetGrain<IPeopleIndexGrain>(0).SearchResidentsAsync(
            new ResidentSearch(request.CellId, request.Tag, request.NamePrefix.Trim(), request.HouseholdId, pageSize + 1) { AfterName = after?[0], AfterId = after?[1] ?? "" });
        var page = rows.Take(pageSize).ToList();
        return new SearchResidentsResponse
        {
            Residents = { page.Select(row => row.ToProto()) },
            NextPageToken = rows.Length > pageSize ? KeysetTokens.Write([page[^1].Name, page[^1].ResidentId], request) : "",
        };
    }

    public override async Task<RecordVisitResponse> RecordVisit(RecordVisitRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        PeopleRules.RequireId(violations, "resident_id", request.ResidentId);
        var now = time.GetUtcNow();
        var visit = VisitRules.Visit(violations, request.Visit, now);
        violations.ThrowIfAny();
        // An unknown resident has no cell to check; the visit is then refused as NOT_FOUND.
        await access.RequireWriterAsync(context.Caller(), $"resident {request.ResidentId} lives", async () =>
            await Grain(request.ResidentId).GetFileAsync() is { } visited ? [visited.CellId] : []);

        RecordWrites.ThrowIfRefused(await Grain(request.ResidentId).RecordVisitAsync(visit));
        var file = (await Grain(request.ResidentId).GetFileAsync())!;
        return new RecordVisitResponse
        {
            Schedule =
            {
                VisitSchedule.Of(file.Details, now).Select(due =>
                    new Contracts.Residents.DueVisit(file.Details.ResidentId, file.Details.Name, file.CellId, due.Need.Kind, due.Need.Cadence, due.DueAt, due.LastVisitAt)
                        .ToProto(now)),
            },
        };
    }

    public override async Task<ListDueVisitsResponse> ListDueVisits(ListDueVisitsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if ((request.CellId.Length > 0) == (request.WorkerId.Length > 0))
        {
            violations.Add("cell_id", "give a cell_id or a worker_id, not both and not neither");
        }

        if (request.WorkerId.Length > 0)
        {
            TextRules.RequireIdentifier(violations, "worker_id", request.WorkerId, 64);
        }

        var now = time.GetUtcNow();
        var dueBefore = TimeRules.Optional(violations, "due_before", request.DueBefore) ?? now.AddDays(1);
        var pageSize = PageRules.Size(violations, request.PageSize, DefaultPageSize, MaxPageSize);

        if (!KeysetTokens.TryRead(request, 3, out var after) || (after is not null && !long.TryParse(after[0], out _)))
        {
            violations.Add("page_token", "is not the next_page_token of a list with these filters");
        }

        violations.ThrowIfAny();
        if (request.CellId.Length > 0)
        {
            PlaceRules.RequireCell(city, request.CellId);
        }

        await access.RequireVisitListAsync(context.Caller(), request.CellId, request.WorkerId);
        var visits = await grains.GetGrain<IPeopleIndexGrain>(0).ListDueVisitsAsync(new DueVisitQuery(request.CellId, request.WorkerId, dueBefore, pageSize + 1)
        {
            AfterDueAt = after is null ? null : new DateTimeOffset(long.Parse(after[0], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero),
            AfterResidentId = after?[1] ?? "",
            AfterKind = after?[2] ?? "",
        });
        var page = visits.Take(pageSize).ToList();
        return new ListDueVisitsResponse
        {
            Visits = { page.Select(visit => visit.ToProto(now)) },
            NextPageToken = visits.Length > pageSize
                ? KeysetTokens.Write([page[^1].DueAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), page[^1].ResidentId, page[^1].Kind], request)
                : "",
        };
    }

    public override async Task<AssignGridWorkerResponse> AssignGridWorker(AssignGridWorkerRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "cell_id", request.CellId, 64);
        if (request.WorkerId.Length > 0)
        {
            TextRules.RequireIdentifier(violations, "worker_id", request.WorkerId, 64);
        }

        violations.ThrowIfAny();
        PlaceRules.RequireCell(city, request.CellId);

        var people = grains.GetGrain<IPeopleIndexGrain>(0);
        var previous = await people.WorkerOfAsync(request.CellId);
        await people.AssignWorkerAsync(request.CellId, request.WorkerId.Trim());
        return new AssignGridWorkerResponse { CellId = request.CellId, WorkerId = request.WorkerId.Trim(), PreviousWorkerId = previous };
    }

    private IResidentGrain Grain(string residentId) => grains.GetGrain<IResidentGrain>(GrainKeys.Resident(residentId));

    /// <summary>The cell of the household, or none when there is no such household (the write is then refused as NOT_FOUND).</summary>
    private async Task<IEnumerable<string>> HouseholdCellsAsync(string householdId) =>
        await grains.GetGrain<IHouseholdGrain>(GrainKeys.Household(householdId)).GetFileAsync() is { } household ? [household.Details.CellId] : [];

    /// <summary>The file as this caller may see it; a full one is logged for audit before it is answered.</summary>
    private async Task<ResidentResponse> ReadAsync(string residentId, ServerCallContext context)
    {
        var file = await Grain(residentId).GetFileAsync()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"resident_id: there is no resident '{residentId}'"));
        var resident = file.ToProto();
        var caller = context.Caller();
        if (await access.SeesFullProfileAsync(caller, file.CellId))
        {
            await ProfileReads.LogAsync(grains, caller, residentId, context, time.GetUtcNow());
        }
        else
        {
            ProfileMasking.Mask(resident);
        }

        return new ResidentResponse { Resident = resident };
    }
}
