using System.Globalization;
using Governance.Contracts.V1;
using Spectre.Console;

namespace Governance.Cli.Projects;

/// <summary>The project library as tables: one project, a list, a budget breakdown with its warnings.</summary>
public static class ProjectTables
{
    public static void WriteProject(IAnsiConsole console, string verb, Project project)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(project);
        console.MarkupLine($"{Markup.Escape(verb)} [bold]{Markup.Escape(project.ProjectId)}[/] (version {project.Version}).");
        console.Write(ListTable([project]));
    }

    public static void WriteList(IAnsiConsole console, ListProjectsResponse found)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(found);
        console.Write(ListTable(found.Projects).Caption($"{found.Projects.Count} projects, {Yuan(found.TotalBudgetYuan)} in all"));
    }

    public static void WriteBudget(IAnsiConsole console, GetProjectBudgetResponse found)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(found);
        var title = $"Budget of {(found.Area.Length == 0 ? "the city" : found.Area)}, {found.Residents.ToString("N0", CultureInfo.InvariantCulture)} residents on file";
        var table = new Table().Border(TableBorder.Rounded).Title(title)
            .AddColumn("place").AddColumn("name")
            .AddColumn(new TableColumn("planned").RightAligned()).AddColumn(new TableColumn("in progress").RightAligned())
            .AddColumn(new TableColumn("done").RightAligned()).AddColumn(new TableColumn("total").RightAligned())
            .AddColumn(new TableColumn("budget share").RightAligned()).AddColumn(new TableColumn("resident share").RightAligned()).AddColumn("warning");
        foreach (var place in found.Places)
        {
            table.AddRow(
                new Text(place.Place), new Text(place.Name), new Text(Yuan(place.Budget.PlannedYuan)), new Text(Yuan(place.Budget.InProgressYuan)),
                new Text(Yuan(place.Budget.DoneYuan)), new Text(Yuan(place.Budget.TotalYuan)), new Text(Percent(place.BudgetShare)),
                new Text(Percent(place.ResidentShare)), new Text(place.Concentrated ? "concentrated" : ""));
        }

        Row(table, "(whole area)", found.WholeArea);
        Row(table, "total", found.Totals);
        console.Write(table);
        console.WriteLine($"Warned where the budget share exceeds {found.ConcentrationFactor.ToString("0.##", CultureInfo.InvariantCulture)} times the resident share.");
        foreach (var warning in found.Warnings)
        {
            console.MarkupLine($"[yellow]![/] {Markup.Escape(warning)}");
        }
    }

    private static Table ListTable(IEnumerable<Project> projects)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("id").AddColumn("name").AddColumn("priority").AddColumn(new TableColumn("budget (yuan)").RightAligned())
            .AddColumn("status").AddColumn("area").AddColumn("responsible");
        foreach (var project in projects)
        {
            var fields = project.Fields;
            table.AddRow(
                new Text(project.ProjectId), new Text(fields.Name), new Text(Word(fields.Priority.ToString())), new Text(Yuan(fields.BudgetYuan)),
                new Text(Word(fields.Status.ToString())), new Text(fields.Area), new Text(fields.Responsible));
        }

        return table;
    }

    private static void Row(Table table, string label, BudgetByStatus budget) => table.AddRow(
        new Text(label), new Text(""), new Text(Yuan(budget.PlannedYuan)), new Text(Yuan(budget.InProgressYuan)), new Text(Yuan(budget.DoneYuan)),
        new Text(Yuan(budget.TotalYuan)), new Text(""), new Text(""), new Text(""));

    private static string Yuan(long yuan) => yuan.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    // "InProgress" as "in progress".
    private static string Word(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
