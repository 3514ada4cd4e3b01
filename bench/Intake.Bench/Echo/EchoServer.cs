using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Intake.Bench.Echo;

/// <summary>
/// The bench re-launched with --echo-server: Kestrel on loopback, HTTP/2 cleartext only, like the gateway, with
/// the echo service alone. Runs in its own process so it is measured as the silo is.
/// </summary>
public static class EchoServer
{
    public const string Flag = "--echo-server";

    /// <summary>Passes an <see cref="EchoFault"/> to the echo server.</summary>
    public const string FaultFlag = "--echo-fault";

    /// <summary>The line the parent waits for; the address follows it.</summary>
    public const string ReadyLine = "echo server (HTTP/2 cleartext) on ";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var parentPid = Value(args, "--parent-pid") is { } pidText ? int.Parse(pidText, CultureInfo.InvariantCulture) : (int?)null;
        var fault = Enum.Parse<EchoFault>(Value(args, FaultFlag) ?? nameof(EchoFault.None), ignoreCase: true);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        // The gateway's receive limit (Gateway:MaxReceiveMessageSize), so both servers parse the same way.
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = 64 * 1024);
        // gRPC takes a registered service instance as it is; the echo holds no per-call state.
        builder.Services.AddSingleton(new EchoGrpcService(fault));

        await using var app = builder.Build();
        app.MapGrpcService<EchoGrpcService>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address");
        Console.WriteLine(ReadyLine + address);

        if (parentPid is { } pid)
        {
            _ = WatchParentAsync(pid, app.Lifetime);
        }

        await app.WaitForShutdownAsync();
        return 0;
    }

    // If the bench dies without cleaning up (SIGKILL), the echo server must not outlive it.
    private static async Task WatchParentAsync(int pid, IHostApplicationLifetime lifetime)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(lifetime.ApplicationStopping))
            {
                if (!IsAlive(pid))
                {
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
