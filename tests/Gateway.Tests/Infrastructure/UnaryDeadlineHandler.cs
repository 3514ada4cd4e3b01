using System.Reflection;
using Google.Protobuf.Reflection;
using Governance.Contracts.Access;
using Governance.Contracts.V1;
using Grpc.Net.Client;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>
/// Fails a unary call of the tests' channels whose answer has not begun within <see cref="Patience"/>, naming the method,
/// where it would otherwise wait for ever and hang the whole run (a response lost by the server, say). Streaming calls
/// are left alone: a feed may rightly say nothing for a while.
/// </summary>
internal sealed class UnaryDeadlineHandler() : DelegatingHandler(GatewayHandler.Create())
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly HashSet<string> UnaryPaths = [.. typeof(GridService).Assembly.GetTypes()
        .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<ServiceDescriptor>()
        .SelectMany(service => service.Methods)
        .Where(method => !method.IsClientStreaming && !method.IsServerStreaming)
        .Select(method => $"/{method.Service.FullName}/{method.Name}")];

    /// <summary>Channel settings with this handler, for <see cref="BearerChannel"/>.</summary>
    public static GrpcChannelOptions Options() => new() { HttpHandler = new UnaryDeadlineHandler(), DisposeHttpClient = true };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!UnaryPaths.Contains(request.RequestUri?.AbsolutePath ?? ""))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            return await base.SendAsync(request, patience.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.RequestUri!.AbsolutePath} had no answer within {Patience.TotalMinutes} minutes: the call was given up "
                + "rather than left to hang the run (a lost HTTP/2 response; see GatewayHandler).");
        }
    }
}
