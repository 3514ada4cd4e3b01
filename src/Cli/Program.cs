using Governance.Cli.CommandLine;

// The first Ctrl+C stops reading and lets the reports already sent be answered (and summarised);
// a second one ends the process at once.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

return await GovernanceCommandLine.RunAsync(args, CliConsole.FromSystem(), TimeProvider.System, stop.Token);
