using System.Diagnostics;
using System.Text;

namespace Governance.Intake.Bench.Postgres;

/// <summary>Runs one of PostgreSQL's programs (initdb, pg_ctl), as the server's account when the bench runs as root, and captures its output.</summary>
public static class PostgresTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> arguments, string? runAsUser, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(runAsUser is null ? file : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (runAsUser is not null)
        {
            // PostgreSQL refuses to run as root; runuser drops to an ordinary account without asking for a password.
            foreach (var arg in new[] { "-u", runAsUser, "--", file })
            {
                info.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["LC_ALL"] = "C";
        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new BenchFailedException($"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:0} s: {Read(output)}");
        }

        // The exit is seen before the last lines are read: wait for the end of both streams.
        await process.WaitForExitAsync(CancellationToken.None);
        return (process.ExitCode, Read(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString().Trim();
        }
    }
}
