using System.Diagnostics;

namespace Governance.Intake.Bench.Processes;

/// <summary>
/// The CPU used between <see cref="Start"/> and <see cref="Stop"/> by each server, by the database they share (if
/// measured), by this process (the client) and by the whole machine, in cores (CPU seconds per second).
/// </summary>
public sealed class CpuMeter
{
    private readonly IReadOnlyList<int> _pids;
    private readonly Func<double>? _database;
    private readonly double[] _serversFrom;
    private readonly double _databaseFrom;
    private readonly double _clientFrom;
    private readonly (double Busy, double Steal) _machineFrom;
    private readonly long _from;

    private CpuMeter(IReadOnlyList<int> pids, Func<double>? database)
    {
        _pids = pids;
        _database = database;
        _serversFrom = [.. pids.Select(ProcStats.CpuSeconds)];
        _databaseFrom = database?.Invoke() ?? 0;
        _clientFrom = ClientCpuSeconds();
        _machineFrom = ProcStats.MachineCpuSeconds();
        _from = Stopwatch.GetTimestamp();
    }

    public static CpuMeter Start(IReadOnlyList<int> pids, Func<double>? databaseCpuSeconds) => new(pids, databaseCpuSeconds);

    public CpuUse Stop()
    {
        var seconds = Stopwatch.GetElapsedTime(_from).TotalSeconds;
        var machine = ProcStats.MachineCpuSeconds();
        return new CpuUse(
            // A server that died in the span reads as none, not as a negative use.
            [.. _pids.Select((pid, i) => Math.Max(0, ProcStats.CpuSeconds(pid) - _serversFrom[i]) / seconds)],
            _database is null ? null : (_database() - _databaseFrom) / seconds,
            (ClientCpuSeconds() - _clientFrom) / seconds,
            (machine.Busy - _machineFrom.Busy) / seconds,
            (machine.Steal - _machineFrom.Steal) / seconds,
            seconds);
    }

    private static double ClientCpuSeconds()
    {
        using var client = Process.GetCurrentProcess();
        return client.TotalProcessorTime.TotalSeconds;
    }
}
