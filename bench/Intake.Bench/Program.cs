using System.Runtime.InteropServices;
using Grpc.Core;
using Governance.Intake.Bench;
using Governance.Intake.Bench.Echo;
using Governance.Intake.Bench.Processes;

if (args.Contains(EchoServer.Flag))
{
    return await EchoServer.RunAsync(args);
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"{ex.Message}\n\n{BenchOptions.Usage}");
    return 2;
}

// Whatever ends this process, the servers it started go with it.
AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildProcess.KillAll();
AppDomain.CurrentDomain.UnhandledException += (_, _) => ChildProcess.KillAll();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (stop.IsCancellationRequested)
    {
        ChildProcess.KillAll();
        return;
    }

    e.Cancel = true;
    Console.Error.WriteLine("interrupted: stopping the load and the servers (Ctrl+C again to kill them at once)");
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

try
{
    return await new BenchRun(options, Console.Out).RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("interrupted");
    return 130;
}
catch (BenchFailedException ex)
{
    await Console.Error.WriteLineAsync($"FAILED: {ex.Message}");
    return 1;
}
catch (Exception ex) when (ex is RpcException or IOException or HttpRequestException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync($"FAILED: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
finally
{
    ChildProcess.KillAll();
}
