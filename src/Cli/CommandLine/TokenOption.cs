using System.CommandLine;

namespace Governance.Cli.CommandLine;

/// <summary>`--token TOKEN`, on every verb: the bearer token its calls carry; without it, $GOVERNANCE_TOKEN.</summary>
public static class TokenOption
{
    public const string Name = "--token";
    public const string EnvironmentVariable = "GOVERNANCE_TOKEN";

    public static Option<string> Create() => new(Name)
    {
        Description = $"The bearer token to call the gateway with (the silo prints a development one at start); default: ${EnvironmentVariable}.",
        HelpName = "TOKEN",
        Recursive = true,
    };
}
