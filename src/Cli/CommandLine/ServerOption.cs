using System.CommandLine;
using System.CommandLine.Parsing;

namespace Governance.Cli.CommandLine;

/// <summary>`--server URL`: the gateway every verb talks to.</summary>
public static class ServerOption
{
    public static readonly Uri Default = new("http://127.0.0.1:5080");

    public static Option<Uri> Create() => new("--server", "-s")
    {
        Description = "The gateway's address (gRPC over HTTP/2 cleartext).",
        DefaultValueFactory = _ => Default,
        CustomParser = Parse,
        HelpName = "URL",
    };

    private static Uri Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"--server: '{text}' is not an http:// or https:// address (e.g. {Default}).");
        return Default;
    }
}
