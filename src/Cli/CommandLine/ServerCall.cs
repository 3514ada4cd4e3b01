using Grpc.Core;
using Grpc.Net.Client;

namespace Governance.Cli.CommandLine;

/// <summary>A verb's calls to the gateway over one channel; what the server refuses is printed with its reason, as it phrased it.</summary>
public static class ServerCall
{
    /// <summary><see cref="ExitCodes.Success"/>, or <see cref="ExitCodes.Failed"/> after printing why the server refused or did not answer.</summary>
    public static async Task<int> RunAsync(CliConsole console, Uri server, Func<GrpcChannel, Task> call)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(call);
        using var channel = GrpcChannel.ForAddress(server);
        try
        {
            await call(channel);
            return ExitCodes.Success;
        }
        catch (RpcException ex)
        {
            await console.Error.WriteLineAsync(ex.StatusCode == StatusCode.Unavailable
                ? $"The server at {server} did not answer: {ex.Status.Detail}"
                : $"{ex.StatusCode}: {ex.Status.Detail}");
            return ExitCodes.Failed;
        }
    }
}
