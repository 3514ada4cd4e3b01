using Governance.Cli.CommandLine;

namespace Governance.Cli.Tests.Infrastructure;

/// <summary>Runs the `governance` command line in-process, with its output captured as it would reach a file.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static Task<CliRun> ExecuteAsync(params string[] args) => ExecuteAsync(CancellationToken.None, args);

    /// <summary>Runs with <paramref name="stop"/> standing in for Ctrl+C.</summary>
    public static async Task<CliRun> ExecuteAsync(CancellationToken stop, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, OutIsTerminal: false, ErrorIsTerminal: false);
        var exitCode = await GovernanceCommandLine.RunAsync(args, console, TimeProvider.System, stop);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
