using System.CommandLine;
using System.CommandLine.Help;
using Governance.Cli.Cases;
using Governance.Cli.Evaluation;
using Governance.Cli.Replay;

namespace Governance.Cli.CommandLine;

/// <summary>The `governance` command: its verbs, and the exit code for a command line it cannot run.</summary>
public static class GovernanceCommandLine
{
    public static RootCommand Create(CliConsole console, TimeProvider time) =>
        new("governance: the command-line tool of Governance.Actors, the city grid-governance platform.")
        {
            ReplayCommand.Create(console, time),
            Import.ImportCommand.Create(console, time),
            Visits.VisitsCommand.Create(console),
            CaseCommand.CreateCase(console),
            CaseCommand.CreateQueue(console),
            EvaluateCommand.Create(console),
            Rectification.RectificationCommand.Create(console),
            Model.ModelCommand.Create(console),
            Model.ExportCommand.Create(console),
            Projects.ProjectsCommand.Create(console),
            Policies.PoliciesCommand.Create(console),
            Surveys.SurveysCommand.Create(console),
            TokenOption.Create(),
        };

    /// <summary>Parses <paramref name="args"/> and runs the verb; a command line in error prints why and returns <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var parse = Create(console, time).Parse(args);
        if (parse.Action is not HelpAction && parse.Errors.Count > 0)
        {
            // System.CommandLine would answer 1, which scripts cannot tell from a failed replay: bad usage is 2.
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync(error.Message);
            }

            var verb = parse.CommandResult.Command is RootCommand ? string.Empty : $" {parse.CommandResult.Command.Name}";
            await console.Error.WriteLineAsync($"Run 'governance{verb} --help' for usage.");
            return ExitCodes.Usage;
        }

        // Ctrl+C is handled by the caller (Program), which turns the first press into a graceful stop.
        var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }
}
