using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Governance.Intake.Bench.Setup;

/// <summary>What the numbers were measured on: machine, runtime, commit.</summary>
public static class MachineInfo
{
    public static string Describe(string? repositoryRoot)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory ?? "unknown memory"}, {RuntimeInformation.OSDescription}, " +
            $".NET {Environment.Version}, commit {Commit(repositoryRoot)}";
    }

    private static string Commit(string? repositoryRoot)
    {
        if (repositoryRoot is null)
        {
            return "unknown";
        }

        var head = Git(repositoryRoot, "rev-parse", "--short", "HEAD");
        // What the silo is built from; other folders (the CLI, tests, docs) do not change what is measured.
        var dirty = Git(repositoryRoot, "status", "--porcelain", "--", "src/Silo", "src/Gateway", "src/Intake", "src/Grains", "src/Contracts", "src/City");
        return head is null ? "unknown" : head + (string.IsNullOrWhiteSpace(dirty) ? "" : " + uncommitted changes in the silo's sources");
    }

    private static string? Git(string directory, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            using var git = Process.Start(info);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
