using Governance.City.Map;
using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;
using Governance.Contracts.V1;
using Governance.Gateway.Services;
using Grpc.Core;

namespace Governance.Gateway.Validation;

/// <summary>A ListCasesRequest checked field by field and turned into the read model's query.</summary>
internal static class CaseListRules
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    private const int CodeMaxLength = 64;

    /// <summary>The query; INVALID_ARGUMENT naming every wrong field, NOT_FOUND for an area the city does not have.</summary>
    public static CaseListQuery ToQuery(ListCasesRequest request, CityMap city)
    {
        var violations = new FieldViolations();
        var statuses = new List<CaseStatusKind>();
        for (var i = 0; i < request.Statuses.Count; i++)
        {
            var status = (CaseStatusKind)(int)request.Statuses[i];
            if (request.Statuses[i] == CaseStatus.Unspecified || !Enum.IsDefined(status))
            {
                violations.Add($"statuses[{i}]", $"{(int)request.Statuses[i]} is not a case status");
            }
            else
            {
                statuses.Add(status);
            }
        }

        if (request.Kind != Contracts.V1.CaseKind.Unspecified && !Enum.IsDefined((Contracts.Cases.CaseKind)(int)request.Kind))
        {
            violations.Add("kind", $"{(int)request.Kind} is not a kind of case");
        }

        Code(violations, "category", request.Category);
        var star = request.Category.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0 && (star != request.Category.Length - 1 || !request.Category.EndsWith(".*", StringComparison.Ordinal) || request.Category.Length < 3))
        {
            violations.Add("category", $"'{request.Category}' has a '*' other than a final '.*' (e.g. water.*)");
        }

        Code(violations, "department", request.Department);
        Code(violations, "area", request.Area);
        var from = TimeRules.Optional(violations, "opened_from", request.OpenedFrom);
        var before = TimeRules.Optional(violations, "opened_before", request.OpenedBefore);
        if (from >= before)
        {
            violations.Add("opened_before", $"{before:O} is not after opened_from, {from:O}");
        }

        if (request.Sort != Contracts.V1.CaseListSort.Unspecified && !Enum.IsDefined(request.Sort))
        {
            violations.Add("sort", $"{(int)request.Sort} is not a sort order");
        }

        var pageSize = PageRules.Size(violations, request.PageSize, DefaultPageSize, MaxPageSize);

        if (!CaseListTokens.TryRead(request, out var after))
        {
            violations.Add("page_token", "is not a token this service issued for these filters and this sort");
        }

        violations.ThrowIfAny();
        var (areaPath, cellId) = Area(request.Area, city);
        return new CaseListQuery
        {
            AreaPath = areaPath,
            AreaIsLowest = areaPath is not null && city.ChildrenOf(request.Area).Count == 0,
            CellId = cellId,
            Statuses = [.. statuses],
            Kind = request.Kind == Contracts.V1.CaseKind.Unspecified ? null : (Contracts.Cases.CaseKind)(int)request.Kind,
            Category = NullIfEmpty(request.Category),
            Department = NullIfEmpty(request.Department),
            OverdueOnly = request.OverdueOnly,
            OpenedFrom = from,
            OpenedBefore = before,
            Sort = request.Sort switch
            {
                Contracts.V1.CaseListSort.OldestFirst => Contracts.CaseList.CaseListSort.OldestFirst,
                Contracts.V1.CaseListSort.SoonestDue => Contracts.CaseList.CaseListSort.SoonestDue,
                _ => Contracts.CaseList.CaseListSort.NewestFirst,
            },
            PageSize = pageSize,
            After = after,
        };
    }

    /// <summary>
    /// An area code names an area at any level (its path, which everything below it starts with) or one cell; empty names
    /// the city. NOT_FOUND for a code the city does not have.
    /// </summary>
    public static (string? AreaPath, string? CellId) Area(string area, CityMap city)
    {
        PlaceRules.RequirePlace(city, "area", area);
        return area.Length == 0 ? (null, null)
            : city.TryGetCell(area, out _) ? (null, area)
            : (city.AreaPath(area), null);
    }

    private static void Code(FieldViolations violations, string field, string value)
    {
        if (value.Length > 0)
        {
            TextRules.RequireIdentifier(violations, field, value, CodeMaxLength);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
