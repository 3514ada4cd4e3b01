using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Households;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Mapping;
using Governance.Gateway.Validation;
using Governance.Contracts.Residents;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>HouseholdService: households, each a grain; a cell's households listed from the people index. A grid worker writes only in their own cells.</summary>
public sealed class HouseholdGrpcService(IGrainFactory grains, CityMap city, TimeProvider time, PeopleAccess access) : HouseholdService.HouseholdServiceBase
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    public override async Task<HouseholdResponse> CreateHousehold(CreateHouseholdRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var details = PeopleRules.Household(violations, request.Profile, city, time.GetUtcNow().Year);
        violations.ThrowIfAny();
        await access.RequireWriterAsync(context.Caller(), $"household {details.HouseholdId} would be", () => Task.FromResult<IEnumerable<string>>([details.CellId]));
        RecordWrites.ThrowIfRefused(await Grain(details.HouseholdId).CreateAsync(details));
        return await ReadAsync(details.HouseholdId);
    }

    public override async Task<HouseholdResponse> UpdateHousehold(UpdateHouseholdRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var details = PeopleRules.Household(violations, request.Profile, city, time.GetUtcNow().Year);
        if (request.Version < 1)
        {
            violations.Add("version", "is required: the version of the household the change was made to");
        }

        violations.ThrowIfAny();
        await access.RequireWriterAsync(context.Caller(), $"household {details.HouseholdId} is kept", async () =>
            await Grain(details.HouseholdId).GetFileAsync() is { } current ? [current.Details.CellId, details.CellId] : [details.CellId]);
        RecordWrites.ThrowIfRefused(await Grain(details.HouseholdId).UpdateAsync(details, request.Version));
        return await ReadAsync(details.HouseholdId);
    }

    public override async Task<HouseholdResponse> GetHousehold(GetHouseholdRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        PeopleRules.RequireId(violations, "household_id", request.HouseholdId);
        violations.ThrowIfAny();
        return await ReadAsync(request.HouseholdId);
    }

    public override async Task<SearchHouseholdsResponse> SearchHouseholds(SearchHouseholdsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "cell_id", request.CellId, 64);
        var pageSize = PageRules.Size(violations, request.PageSize, DefaultPageSize, MaxPageSize);

        if (!KeysetTokens.TryRead(request, 1, out var after))
        {
            violations.Add("page_token", "is not the next_page_token of a search of this cell");
        }

        violations.ThrowIfAny();
        PlaceRules.RequireCell(city, request.CellId);

        var ids = await grains.GetGrain<IPeopleIndexGrain>(0).HouseholdsInCellAsync(request.CellId, after?[0] ?? "", pageSize + 1);
        var page = ids.Take(pageSize).ToList();
        var files = await Task.WhenAll(page.Select(id => Grain(id).GetFileAsync()));
        return new SearchHouseholdsResponse
        {
            Households = { files.OfType<HouseholdFile>().Select(file => file.ToProto()) },
            NextPageToken = ids.Length > pageSize ? KeysetTokens.Write([page[^1]], request) : "",
        };
    }

    private IHouseholdGrain Grain(string householdId) => grains.GetGrain<IHouseholdGrain>(GrainKeys.Household(householdId));

    private async Task<HouseholdResponse> ReadAsync(string householdId)
    {
        var file = await Grain(householdId).GetFileAsync()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"household_id: there is no household '{householdId}'"));
        return new HouseholdResponse { Household = file.ToProto() };
    }
}
