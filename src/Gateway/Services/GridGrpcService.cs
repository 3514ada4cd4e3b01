using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Cells;
using Governance.Contracts.V1;
using Governance.Gateway.Hosting;
using Governance.Gateway.LiveFeed;
using Governance.Gateway.Mapping;
using Governance.Gateway.Validation;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Governance.Gateway.Services;

/// <summary>GridService: the city map answers where; the cell grains answer what is happening.</summary>
public sealed partial class GridGrpcService(IGrainFactory grains, CityMap city, CellWatchHub hub, IOptions<GatewayOptions> gateway) : GridService.GridServiceBase
{
    private const int CellIdMaxLength = 128;
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public override async Task<GetCellResponse> GetCell(GetCellRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "cell_id", request.CellId, CellIdMaxLength);
        violations.ThrowIfAny();
        var cell = PlaceRules.RequireCell(city, request.CellId);
        var snapshot = await grains.Cell(cell.Code).GetSnapshotAsync();
        return new GetCellResponse { Cell = CellMapping.ToProto(city, cell, snapshot) };
    }

    public override Task<LocateCellResponse> LocateCell(LocateCellRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        GeoRules.Validate(violations, "point", request.Point);
        violations.ThrowIfAny();

        var cell = city.Locate(request.Point.Latitude, request.Point.Longitude);
        return Task.FromResult(cell is null
            ? new LocateCellResponse { Inside = false }
            : new LocateCellResponse { Inside = true, CellId = cell.Code, AreaCode = cell.AreaCode });
    }

    public override Task<ListCellsResponse> ListCells(ListCellsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var pageSize = PageRules.Size(violations, request.PageSize, DefaultPageSize, MaxPageSize);

        var offset = PageTokens.TryRead(request.PageToken, out var parsed) ? parsed : -1;
        if (offset < 0)
        {
            violations.Add("page_token", "is not a token this service issued");
        }

        violations.ThrowIfAny();

        IReadOnlyList<CellInfo> cells;
        if (string.IsNullOrEmpty(request.AreaCode))
        {
            cells = city.Cells;
        }
        else if (city.FindArea(request.AreaCode) is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"area_code: {city.Name} has no area '{request.AreaCode}'"));
        }
        else
        {
            cells = city.CellsInArea(request.AreaCode);
        }

        var response = new ListCellsResponse { TotalSize = cells.Count };
        for (var i = offset; i < Math.Min(cells.Count, offset + pageSize); i++)
        {
            response.Cells.Add(CellMapping.ToListing(cells[i], request.IncludeBoundary));
        }

        if (offset + pageSize < cells.Count)
        {
            response.NextPageToken = PageTokens.Write(offset + pageSize);
        }

        return Task.FromResult(response);
    }

    public override Task<ListAreasResponse> ListAreas(ListAreasRequest request, ServerCallContext context)
    {
        if (!string.IsNullOrEmpty(request.ParentCode) && city.FindArea(request.ParentCode) is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"parent_code: {city.Name} has no area '{request.ParentCode}'"));
        }

        var response = new ListAreasResponse { CityName = city.Name, CellSizeMeters = city.CellSizeMeters };
        var areas = city.Areas
            .Where(a => string.IsNullOrEmpty(request.ParentCode) || a.ParentCode == request.ParentCode)
            .OrderBy(a => a.Code, StringComparer.Ordinal);
        response.Areas.AddRange(areas.Select(CellMapping.ToProto));
        return Task.FromResult(response);
    }
}
