using System.Diagnostics;
using System.Security.Cryptography;

namespace Governance.Intake.Bench.Processes;

/// <summary>
/// A signing key for the silo under test, and a token from its own `token` verb, as an operator would get one: a
/// reporter's (the intake load) and a dispatcher's (the live watchers).
/// </summary>
public sealed record SiloToken(string SigningKey, string Token)
{
    public static async Task<SiloToken> IssueAsync(string siloDll, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { siloDll, "token", "--subject", "intake-bench", "--role", "reporter", "--role", "dispatcher", "--hours", "6", $"--Auth:SigningKey={key}" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new BenchFailedException("the silo's token verb did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? new SiloToken(key, (await output).Trim())
            : throw new BenchFailedException($"the silo's token verb failed ({process.ExitCode}): {await error}");
    }
}
