using System.CommandLine;
using Governance.Cli.CommandLine;
using Governance.Contracts.V1;

namespace Governance.Cli.Projects;

/// <summary>
/// `governance projects add | update | list | budget`: the township's project library from the command line; the
/// server checks every field and the CLI prints its reasons as they are.
/// </summary>
public static class ProjectsCommand
{
    private static readonly Dictionary<string, ProjectPriority> Priorities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["high"] = ProjectPriority.High,
        ["medium"] = ProjectPriority.Medium,
        ["low"] = ProjectPriority.Low,
    };

    private static readonly Dictionary<string, ProjectStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["planned"] = ProjectStatus.Planned,
        ["in-progress"] = ProjectStatus.InProgress,
        ["done"] = ProjectStatus.Done,
    };

    public static Command Create(CliConsole console) =>
        new("projects", "The project library: add and change projects, list them by priority, and see where the budget goes against where the residents live.")
        {
            Add(console),
            Update(console),
            List(console),
            Budget(console),
        };

    private static Command Add(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "What the project is called.", Required = true, HelpName = "TEXT" };
        var priority = PriorityOption();
        priority.Required = true;
        var budget = new Option<long>("--budget") { Description = "Its budget in whole yuan.", Required = true, HelpName = "YUAN" };
        var status = StatusOption();
        status.DefaultValueFactory = _ => "planned";
        var area = new Option<string>("--area") { Description = "The place it serves: a district, street or community code, or a cell id.", Required = true, HelpName = "CODE" };
        var responsible = new Option<string>("--responsible") { Description = "The person who answers for it.", Required = true, HelpName = "NAME" };
        var server = ServerOption.Create();
        var command = new Command("add", "Add a project to the library.") { name, priority, budget, status, area, responsible, server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var fields = new ProjectFields
            {
                Name = parse.GetRequiredValue(name),
                Priority = Priorities[parse.GetRequiredValue(priority)],
                BudgetYuan = parse.GetValue(budget),
                Status = Statuses[parse.GetRequiredValue(status)],
                Area = parse.GetRequiredValue(area),
                Responsible = parse.GetRequiredValue(responsible),
            };
            var added = await new ProjectService.ProjectServiceClient(channel).CreateProjectAsync(new CreateProjectRequest { Fields = fields }, cancellationToken: cancellationToken);
            ProjectTables.WriteProject(console.RichOut(), "Added", added.Project);
        }));
        return command;
    }

    private static Command Update(CliConsole console)
    {
        var id = new Argument<string>("project") { Description = "The project's id, e.g. prj-12." };
        var name = new Option<string>("--name") { Description = "A new name.", HelpName = "TEXT" };
        var priority = PriorityOption();
        var budget = new Option<long?>("--budget") { Description = "A new budget in whole yuan.", HelpName = "YUAN" };
        var status = StatusOption();
        var area = new Option<string>("--area") { Description = "A new place it serves.", HelpName = "CODE" };
        var responsible = new Option<string>("--responsible") { Description = "A new person responsible.", HelpName = "NAME" };
        var server = ServerOption.Create();
        var command = new Command("update", "Change a project: it is read, the options given are changed, and it is written back from the version read.")
        {
            id, name, priority, budget, status, area, responsible, server,
        };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var projects = new ProjectService.ProjectServiceClient(channel);
            var read = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = parse.GetRequiredValue(id) }, cancellationToken: cancellationToken)).Project;
            var fields = read.Fields.Clone();
            fields.Name = parse.GetValue(name) ?? fields.Name;
            fields.Priority = parse.GetValue(priority) is { } p ? Priorities[p] : fields.Priority;
            fields.BudgetYuan = parse.GetValue(budget) ?? fields.BudgetYuan;
            fields.Status = parse.GetValue(status) is { } s ? Statuses[s] : fields.Status;
            fields.Area = parse.GetValue(area) ?? fields.Area;
            fields.Responsible = parse.GetValue(responsible) ?? fields.Responsible;
            var changed = await projects.UpdateProjectAsync(new UpdateProjectRequest { ProjectId = read.ProjectId, Version = read.Version, Fields = fields }, cancellationToken: cancellationToken);
            ProjectTables.WriteProject(console.RichOut(), "Changed", changed.Project);
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var status = StatusOption();
        var priority = PriorityOption();
        var area = new Option<string>("--area") { Description = "Projects serving this place or a place inside it.", HelpName = "CODE" };
        var server = ServerOption.Create();
        var command = new Command("list", "List projects, high priority first, then the larger budget, with their total.") { status, priority, area, server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var request = new ListProjectsRequest
            {
                Status = parse.GetValue(status) is { } s ? Statuses[s] : ProjectStatus.Unspecified,
                Priority = parse.GetValue(priority) is { } p ? Priorities[p] : ProjectPriority.Unspecified,
                Area = parse.GetValue(area) ?? "",
            };
            var found = await new ProjectService.ProjectServiceClient(channel).ListProjectsAsync(request, cancellationToken: cancellationToken);
            ProjectTables.WriteList(console.RichOut(), found);
        }));
        return command;
    }

    private static Command Budget(CliConsole console)
    {
        var area = new Option<string>("--area") { Description = "The area to break down (default: the whole city).", HelpName = "CODE" };
        var factor = new Option<double>("--factor") { Description = "Warn where a place's budget share exceeds this many times its resident share (default: the server's).", HelpName = "N" };
        var server = ServerOption.Create();
        var command = new Command("budget", "The budget of an area's projects by status and by the places inside it, against where its residents live.") { area, factor, server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var request = new GetProjectBudgetRequest { Area = parse.GetValue(area) ?? "", ConcentrationFactor = parse.GetValue(factor) };
            var found = await new ProjectService.ProjectServiceClient(channel).GetProjectBudgetAsync(request, cancellationToken: cancellationToken);
            ProjectTables.WriteBudget(console.RichOut(), found);
        }));
        return command;
    }

    private static Option<string> PriorityOption()
    {
        var option = new Option<string>("--priority") { Description = "high, medium or low.", HelpName = "PRIORITY" };
        option.AcceptOnlyFromAmong([.. Priorities.Keys]);
        return option;
    }

    private static Option<string> StatusOption()
    {
        var option = new Option<string>("--status") { Description = "planned, in-progress or done.", HelpName = "STATUS" };
        option.AcceptOnlyFromAmong([.. Statuses.Keys]);
        return option;
    }
}
