using Governance.Cli.CommandLine;

namespace Governance.Cli.Tests.Infrastructure;

/// <summary>Runs the `governance` command line in-process, with its output captured as it would reach a file.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static Task<CliRun> ExecuteAsync(params string[] args) => ExecuteAsync(CancellationToken.None, args);

    /// <summary>Runs with <paramref name="stop"/> standing in for Ctrl+C.</summary>
    public static Task<CliRun> ExecuteAsync(CancellationToken stop, params string[] args) => ExecuteAsync(errorIsTerminal: false, args, stop);

    /// <summary>Runs as if stderr were a terminal (bars rather than lines), still captured.</summary>
    public static Task<CliRun> ExecuteOnTerminalAsync(params string[] args) => ExecuteAsync(errorIsTerminal: true, args, CancellationToken.None);

    private static async Task<CliRun> ExecuteAsync(bool errorIsTerminal, string[] args, CancellationToken stop)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, OutIsTerminal: false, ErrorIsTerminal: errorIsTerminal);
        var exitCode = await GovernanceCommandLine.RunAsync(args, console, TimeProvider.System, stop);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
