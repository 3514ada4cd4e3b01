using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Projects;
using Governance.Contracts.V1;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>ProjectService: the city's project library is one grain; this checks, calls it and maps.</summary>
public sealed class ProjectGrpcService(IGrainFactory grains, CityMap city) : ProjectService.ProjectServiceBase
{
    private IProjectLibraryGrain Library => grains.GetGrain<IProjectLibraryGrain>(GrainKeys.ProjectLibrary);

    public override async Task<ProjectResponse> CreateProject(CreateProjectRequest request, ServerCallContext context)
    {
        var draft = Checked(request.Fields);
        return new ProjectResponse { Project = ToProto(await Library.AddAsync(draft)) };
    }

    public override async Task<ProjectResponse> UpdateProject(UpdateProjectRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "project_id", request.ProjectId, 64);
        if (request.Version < 1)
        {
            violations.Add("version", "is required: the version the change was made from, as read");
        }

        var draft = ProjectRules.Draft(violations, request.Fields);
        violations.ThrowIfAny();
        PlaceRules.RequirePlace(city, "fields.area", draft!.Area);
        var change = await Library.UpdateAsync(request.ProjectId, request.Version, draft);
        return change.Outcome switch
        {
            ProjectOutcome.Made => new ProjectResponse { Project = ToProto(change.Project!) },
            ProjectOutcome.NotFound => throw new RpcException(new Status(StatusCode.NotFound, $"project_id: {change.Reason}")),
            _ => throw new RpcException(new Status(StatusCode.Aborted, $"version: {change.Reason}")),
        };
    }

    public override async Task<ProjectResponse> GetProject(GetProjectRequest request, ServerCallContext context) =>
        await Library.GetAsync(request.ProjectId) is { } project
            ? new ProjectResponse { Project = ToProto(project) }
            : throw new RpcException(new Status(StatusCode.NotFound, $"project_id: the library has no project '{request.ProjectId}'"));

    public override async Task<ListProjectsResponse> ListProjects(ListProjectsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (!System.Enum.IsDefined(request.Status))
        {
            violations.Add("status", $"{(int)request.Status} is not a project status");
        }

        if (!System.Enum.IsDefined(request.Priority))
        {
            violations.Add("priority", $"{(int)request.Priority} is not a project priority");
        }

        violations.ThrowIfAny();
        var query = new ProjectQuery
        {
            Status = request.Status == Contracts.V1.ProjectStatus.Unspecified ? null : (Contracts.Projects.ProjectStatus)(int)request.Status,
            Priority = request.Priority == Contracts.V1.ProjectPriority.Unspecified ? null : (Contracts.Projects.ProjectPriority)(int)request.Priority,
            Area = PlaceRules.RequirePlace(city, "area", request.Area),
        };
        var projects = await Library.ListAsync(query);
        return new ListProjectsResponse { Projects = { projects.Select(ToProto) }, TotalBudgetYuan = projects.Sum(p => p.Draft.BudgetYuan) };
    }

    public override async Task<GetProjectBudgetResponse> GetProjectBudget(GetProjectBudgetRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var factor = ProjectRules.ConcentrationFactor(violations, request.ConcentrationFactor);
        ProjectRules.BudgetArea(violations, city, request.Area);
        violations.ThrowIfAny();
        var breakdown = await Library.BudgetAsync(PlaceRules.RequirePlace(city, "area", request.Area), factor);
        return new GetProjectBudgetResponse
        {
            Area = breakdown.Area,
            ConcentrationFactor = breakdown.ConcentrationFactor,
            Places = { breakdown.Rows.Select(ToProto) },
            WholeArea = ToProto(breakdown.WholeArea),
            Totals = ToProto(breakdown.Totals),
            Residents = breakdown.Residents,
            Warnings = { breakdown.Rows.Where(r => r.Concentrated).Select(Warning) },
        };
    }

    private ProjectDraft Checked(ProjectFields? fields)
    {
        var violations = new FieldViolations();
        var draft = ProjectRules.Draft(violations, fields);
        violations.ThrowIfAny();
        PlaceRules.RequirePlace(city, "fields.area", draft!.Area);
        return draft;
    }

    private string NameOf(string place) => city.FindArea(place)?.Name ?? place;

    private string Warning(BudgetRow row) => row.Residents == 0
        ? $"{NameOf(row.Place)} ({row.Place}) has {Percent(row.BudgetShare)} of the budget and no residents on file"
        : $"{NameOf(row.Place)} ({row.Place}) has {Percent(row.BudgetShare)} of the budget and {Percent(row.ResidentShare)} of the residents: "
            + string.Create(CultureInfo.InvariantCulture, $"{row.BudgetShare / row.ResidentShare:0.0} times its share");

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%");

    private PlaceBudget ToProto(BudgetRow row) => new()
    {
        Place = row.Place,
        Name = NameOf(row.Place),
        Budget = ToProto(row.Budget),
        Residents = row.Residents,
        BudgetShare = row.BudgetShare,
        ResidentShare = row.ResidentShare,
        Concentrated = row.Concentrated,
    };

    private static Contracts.V1.BudgetByStatus ToProto(Contracts.Projects.BudgetByStatus budget) => new()
    {
        PlannedYuan = budget.Planned,
        InProgressYuan = budget.InProgress,
        DoneYuan = budget.Done,
        TotalYuan = budget.Total,
    };

    private static Contracts.V1.Project ToProto(Contracts.Projects.Project project) => new()
    {
        ProjectId = project.ProjectId,
        Fields = new ProjectFields
        {
            Name = project.Draft.Name,
            Priority = (Contracts.V1.ProjectPriority)(int)project.Draft.Priority,
            BudgetYuan = project.Draft.BudgetYuan,
            Status = (Contracts.V1.ProjectStatus)(int)project.Draft.Status,
            Area = project.Draft.Area,
            Responsible = project.Draft.Responsible,
        },
        AddedAt = Timestamp.FromDateTimeOffset(project.AddedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(project.UpdatedAt),
        Version = project.Version,
    };
}
