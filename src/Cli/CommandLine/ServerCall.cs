using Grpc.Core;
using Grpc.Net.Client;

namespace Governance.Cli.CommandLine;

/// <summary>A verb's calls to the gateway over one channel; what the server refuses is printed with its reason, as it phrased it.</summary>
public static class ServerCall
{
    /// <summary><see cref="ExitCodes.Success"/>, or <see cref="ExitCodes.Failed"/> after printing why the server refused or did not answer.</summary>
    public static async Task<int> RunAsync(CliConsole console, GatewayTarget server, Func<GrpcChannel, Task> call)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(call);
        using var channel = server.OpenChannel();
        try
        {
            await call(channel);
            return ExitCodes.Success;
        }
        catch (RpcException ex)
        {
            await console.Error.WriteLineAsync(Explain(ex, server));
            return ExitCodes.Failed;
        }
    }

    /// <summary>The server's refusal as it phrased it, with what to do when the refusal is about the caller.</summary>
    public static string Explain(RpcException ex, GatewayTarget server)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ArgumentNullException.ThrowIfNull(server);
        return ex.StatusCode switch
        {
            StatusCode.Unavailable => $"The server at {server} did not answer: {ex.Status.Detail}",
            StatusCode.Unauthenticated when server.Token is null =>
                $"{ex.StatusCode}: {ex.Status.Detail}. Give a token with {TokenOption.Name} or ${TokenOption.EnvironmentVariable}.",
            _ => $"{ex.StatusCode}: {ex.Status.Detail}",
        };
    }
}
