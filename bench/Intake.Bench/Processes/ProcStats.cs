using System.Globalization;

namespace Governance.Intake.Bench.Processes;

/// <summary>Memory and CPU of a process from Linux /proc, read from outside the process (as top does).</summary>
public static class ProcStats
{
    // USER_HZ: the unit of utime/stime in /proc/*/stat; 100 on every Linux x86-64 and arm64 kernel.
    private const double TicksPerSecond = 100;

    /// <summary>Peak resident set (VmHWM) and current resident set (VmRSS), in KiB; zeros once the process is gone.</summary>
    public static MemorySample Memory(int pid)
    {
        long hwm = 0, rss = 0;
        foreach (var line in ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kib(line);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line);
            }
        }

        return new MemorySample(hwm, rss);
    }

    /// <summary>Resets VmHWM to the current RSS (clear_refs "5"), so the next peak is that of what follows.</summary>
    public static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>User plus system CPU seconds the process has used so far.</summary>
    public static double CpuSeconds(int pid) => StatTicks(ReadText($"/proc/{pid}/stat")) / TicksPerSecond;

    /// <summary>
    /// User plus system CPU seconds used so far by a process and its children: those still running and those that have
    /// exited and been waited for (a PostgreSQL server: the postmaster and its backends).
    /// </summary>
    public static double TreeCpuSeconds(int pid)
    {
        var own = StatFields(ReadText($"/proc/{pid}/stat"));
        if (own.Length <= 14)
        {
            return 0;
        }

        var ticks = Ticks(own, 11) + Ticks(own, 12) + Ticks(own, 13) + Ticks(own, 14);
        var parent = pid.ToString(CultureInfo.InvariantCulture);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(folder);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]) || name == parent)
            {
                continue;
            }

            var fields = StatFields(ReadText(Path.Combine(folder, "stat")));
            if (fields.Length > 12 && fields[1] == parent)
            {
                ticks += Ticks(fields, 11) + Ticks(fields, 12);
            }
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>The whole machine's CPU seconds so far (all cores): busy (not idle, not waiting for I/O) and stolen by the hypervisor.</summary>
    public static (double Busy, double Steal) MachineCpuSeconds()
    {
        var line = ReadLines("/proc/stat").FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        if (line is null)
        {
            return (0, 0);
        }

        // user nice system idle iowait irq softirq steal …
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6];
        return (busy / TicksPerSecond, (fields.Length > 7 ? fields[7] : 0) / TicksPerSecond);
    }

    /// <summary>CPU seconds so far of each thread, by thread id, with the thread's name (comm).</summary>
    public static Dictionary<int, ThreadSample> Threads(int pid)
    {
        var result = new Dictionary<int, ThreadSample>();
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (IOException)
        {
            return result;
        }

        foreach (var task in tasks)
        {
            var stat = ReadText(Path.Combine(task, "stat"));
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open || !int.TryParse(Path.GetFileName(task), CultureInfo.InvariantCulture, out var tid))
            {
                continue;
            }

            result[tid] = new ThreadSample(stat[(open + 1)..close], StatTicks(stat) / TicksPerSecond);
        }

        return result;
    }

    /// <summary>
    /// Where the CPU went between two thread snapshots, grouped by thread name (".NET TP Worker", ".NET Sockets", …),
    /// busiest first, in cores (CPU seconds per second).
    /// </summary>
    public static IReadOnlyList<ThreadGroupUse> Busiest(
        Dictionary<int, ThreadSample> before, Dictionary<int, ThreadSample> after, double seconds, int top)
    {
        var groups = new Dictionary<string, (double Cpu, int Threads)>();
        foreach (var (tid, now) in after)
        {
            var used = now.CpuSeconds - (before.TryGetValue(tid, out var then) && then.Name == now.Name ? then.CpuSeconds : 0);
            var current = groups.GetValueOrDefault(now.Name);
            groups[now.Name] = (current.Cpu + used, current.Threads + 1);
        }

        return [.. groups
            .Select(g => new ThreadGroupUse(g.Key, g.Value.Threads, seconds > 0 ? g.Value.Cpu / seconds : 0))
            .Where(g => g.Cores > 0)
            .OrderByDescending(g => g.Cores)
            .Take(top)];
    }

    // Fields 14 and 15 (utime, stime) counted after the parenthesised command name, which may itself hold spaces.
    private static long StatTicks(string stat)
    {
        var fields = StatFields(stat);
        return fields.Length > 12 ? Ticks(fields, 11) + Ticks(fields, 12) : 0;
    }

    // The fields of /proc/<pid>/stat after the command name: state, ppid, …, utime (11), stime (12), cutime (13), cstime (14).
    private static string[] StatFields(string stat)
    {
        var close = stat.LastIndexOf(')');
        return close < 0 || close + 2 > stat.Length ? [] : stat[(close + 2)..].Split(' ');
    }

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);

    private static long Kib(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
    }
}
