using System.CommandLine;
using Governance.Cli.CommandLine;

namespace Governance.Cli.Import;

/// <summary>`governance import FILE`: load households and residents from CSV or JSONL through ResidentService.ImportPeople.</summary>
public static class ImportCommand
{
    public static Command Create(CliConsole console, TimeProvider time)
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "Households or residents: a .csv (households, or residents, told apart by their columns) or a .jsonl of PeopleRecord lines.",
        };
        file.AcceptExistingOnly();
        var server = ServerOption.Create();
        var rejects = new Option<FileInfo?>("--rejects") { Description = "Write every rejected line (line, id, rejected_by, field, reason) to this CSV file.", HelpName = "FILE" };
        rejects.AcceptLegalFilePathsOnly();
        var command = new Command("import", "Load households and residents in bulk; bad lines are listed with their line numbers and reasons, good ones are kept. Importing a file twice changes nothing.")
        {
            file, server, rejects,
        };
        command.SetAction((parse, cancellationToken) =>
            new ImportRun(parse.GetRequiredValue(file).FullName, GatewayTarget.Of(parse, server), parse.GetValue(rejects)?.FullName, console, time).ExecuteAsync(cancellationToken));
        return command;
    }
}
