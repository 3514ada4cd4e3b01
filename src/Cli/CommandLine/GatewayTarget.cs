using System.CommandLine;
using Governance.Contracts.Access;
using Grpc.Net.Client;

namespace Governance.Cli.CommandLine;

/// <summary>The gateway a verb calls and the token it calls with (none: the server answers UNAUTHENTICATED).</summary>
public sealed record GatewayTarget(Uri Address, string? Token)
{
    /// <summary>The --server given to the verb, and the --token given to it or, failing that, in $GOVERNANCE_TOKEN.</summary>
    public static GatewayTarget Of(ParseResult parse, Option<Uri> server)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var token = parse.GetValue<string>(TokenOption.Name);
        if (string.IsNullOrWhiteSpace(token))
        {
            token = Environment.GetEnvironmentVariable(TokenOption.EnvironmentVariable);
        }

        return new GatewayTarget(parse.GetRequiredValue(server), string.IsNullOrWhiteSpace(token) ? null : token.Trim());
    }

    public GrpcChannel OpenChannel(GrpcChannelOptions? options = null) =>
        Token is null
            ? GrpcChannel.ForAddress(Address, options ?? new GrpcChannelOptions { HttpHandler = GatewayHandler.Create(), DisposeHttpClient = true })
            : BearerChannel.ForAddress(Address, Token, options);

    public override string ToString() => Address.ToString();
}
