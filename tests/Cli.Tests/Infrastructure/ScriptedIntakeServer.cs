using System.Net;
using Governance.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Cli.Tests.Infrastructure;

/// <summary>
/// A gRPC server on a free loopback port with a scripted IntakeService, for what the real server never does on
/// purpose (answers out of order, a stream cut short, a call failing mid-way) and for exact answers to count.
/// </summary>
public sealed class ScriptedIntakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedIntakeServer(WebApplication app)
    {
        _app = app;
        Address = app.Urls.Single();
    }

    /// <summary>What ReportStream does with one call.</summary>
    public delegate Task Script(IAsyncStreamReader<ReportRequest> requests, IServerStreamWriter<ReportAck> acks);

    public string Address { get; }

    public static async Task<ScriptedIntakeServer> StartAsync(Script script)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(script);
        var app = builder.Build();
        app.MapGrpcService<ScriptedIntakeService>();
        await app.StartAsync();
        return new ScriptedIntakeServer(app);
    }

    /// <summary>Answers every report in order with <paramref name="answer"/>.</summary>
    public static Task<ScriptedIntakeServer> StartAnsweringAsync(Func<ReportRequest, int, ReportAck> answer) =>
        StartAsync(async (requests, acks) =>
        {
            var index = 0;
            await foreach (var request in requests.ReadAllAsync())
            {
                await acks.WriteAsync(answer(request, index++));
            }
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
