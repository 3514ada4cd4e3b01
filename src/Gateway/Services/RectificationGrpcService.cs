using System.Text.RegularExpressions;
using Governance.City.Map;
using Governance.Contracts.Rectification;
using Governance.Contracts.V1;
using Governance.Gateway.Mapping;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>RectificationService: an inspection's dashboard, assembled by the rectification dashboard grain.</summary>
public sealed partial class RectificationGrpcService(IGrainFactory grains, CityMap city) : RectificationService.RectificationServiceBase
{
    /// <summary>"rectification." + the code + "." + a topic of one character stays within a category's 64.</summary>
    private const int InspectionMaxLength = 48;
    private const int AreaMaxLength = 64;

    public override async Task<GetRectificationDashboardResponse> GetRectificationDashboard(GetRectificationDashboardRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.Inspection.Length == 0)
        {
            violations.Add("inspection", "is required (an inspection's code, e.g. 2026-provincial)");
        }
        else if (request.Inspection.Length > InspectionMaxLength)
        {
            violations.Add("inspection", $"is {request.Inspection.Length} characters long; at most {InspectionMaxLength} are allowed");
        }
        else if (!InspectionCode().IsMatch(request.Inspection))
        {
            violations.Add("inspection", "must be one code segment of a-z, 0-9, '_' and '-', without '.' (e.g. 2026-provincial)");
        }

        if (request.Area.Length > 0)
        {
            TextRules.RequireIdentifier(violations, "area", request.Area, AreaMaxLength);
        }

        violations.ThrowIfAny();
        var (areaPath, cellId) = CaseListRules.Area(request.Area, city);
        var scope = new RectificationScope(request.Inspection)
        {
            AreaPath = areaPath,
            AreaIsLowest = areaPath is not null && city.ChildrenOf(request.Area).Count == 0,
            CellId = cellId,
        };
        var dashboard = await grains.GetGrain<IRectificationDashboardGrain>(0).GetAsync(scope);
        return dashboard.ToProto(request.Inspection, request.Area);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex InspectionCode();
}
