using System.Diagnostics;
using Governance.Intake.Bench.Reporting;

namespace Governance.Intake.Bench.Setup;

/// <summary>The silo build a run measures: src/Silo built in Release first (so it matches the commit in the header), or the one given.</summary>
public static class SiloBuild
{
    /// <summary>
    /// The path of Governance.Silo.dll to run, built first unless <c>--no-build</c> or <c>--silo-dll</c>; null when there
    /// is none, the reason added to <paramref name="run"/>'s failures.
    /// </summary>
    public static async Task<string?> PrepareAsync(
        BenchOptions options, string? repository, string temp, RunSummary run, TextWriter output, CancellationToken cancellationToken)
    {
        var siloDll = options.SiloDll ?? (repository is null ? null : Path.Combine(repository, "src/Silo/bin/Release/net10.0/Governance.Silo.dll"));
        if (options.SiloDll is null && options.Build && repository is not null
            && !await BuildAsync(run, repository, Path.Combine(temp, "silo-build.log"), output, cancellationToken))
        {
            return null;
        }

        if (siloDll is null || !File.Exists(siloDll))
        {
            run.Failures.Add($"no silo build at {siloDll ?? "(repository not found)"}: run `dotnet build -c Release src/Silo` first, or pass --silo-dll");
            return null;
        }

        return siloDll;
    }

    // Built here, so what runs is what the commit in the header says (plus any uncommitted changes it names).
    private static async Task<bool> BuildAsync(RunSummary run, string repository, string logPath, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine("building the silo: dotnet build -c Release src/Silo");
        var started = Stopwatch.GetTimestamp();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "build", "-c", "Release", "src/Silo", "-nologo", "-v", "q" })
        {
            info.ArgumentList.Add(arg);
        }

        using var build = Process.Start(info) ?? throw new BenchFailedException("dotnet build did not start");
        var stdout = build.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = build.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await build.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            build.Kill(entireProcessTree: true);
            throw;
        }

        var log = await stdout + await stderr;
        await File.WriteAllTextAsync(logPath, log, cancellationToken);
        if (build.ExitCode != 0)
        {
            run.Failures.Add($"dotnet build -c Release src/Silo failed (exit {build.ExitCode}):\n{log.Trim()}");
            return false;
        }

        output.WriteLine(Format.Invariant($"built in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s"));
        return true;
    }
}
