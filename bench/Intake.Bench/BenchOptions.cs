using System.Globalization;
using Governance.Intake.Bench.Echo;

namespace Governance.Intake.Bench;

/// <summary>The command line of a benchmark run.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        Intake.Bench: IntakeService.ReportStream on the real silo against a bare gRPC streaming echo, same client, same run.

        usage: dotnet run -c Release --project bench/Intake.Bench -- [options]
          --target both|intake|echo|cluster  what to measure (default both); cluster: N silos on the bench's own PostgreSQL
          --streams N                 concurrent ReportStream calls (default 16)
          --connections N             HTTP/2 connections the streams are spread over (default 1)
          --window N                  reports in flight per stream at most (default 256, the gateway's own per-stream window)
          --warmup S                  seconds of load before measuring (default 8)
          --seconds S                 measuring window in seconds (default 20)
          --paced-rate R              reports/s of the paced phase (default: half the max rate just measured)
          --no-paced                  skip the paced phase
          --duplicates F              fraction 0..1 of reports that resend an earlier report (default 0)
          --mode uniform|storm        storm: a share of reports cluster around incidents and merge (default uniform)
          --incidents N               incident points in storm mode (default 300)
          --storm-share F             fraction of reports that belong to an incident in storm mode (default 0.6)
          --drain-timeout S           how long to wait for the last acks after sending stops (default 60)
          --startup-timeout S         how long a server may take to say it is ready (default 180)
          --silo-dll PATH             a silo build to run as it is (default: build src/Silo in Release first, then run it)
          --no-build                  run src/Silo/bin/Release/net10.0/Governance.Silo.dll without building it first
          --seed N                    random seed (default 1)
          --markdown                  print a Markdown results block at the end
          --keep-temp                 keep the temporary folder (silo database and logs)
          --echo-fault none|drop|reorder|stall  make the echo server drop, reorder or stop acks, to see the checks fail
          --watchers N                then intake at max rate again with N live watchers (one street each) open
          --fresh-categories          each phase reports under categories of its own (the code suffixed with the phase),
                                      so it opens cases rather than merging into the last phase's: creation-heavy

        cluster mode (--target cluster):
          --silo-counts LIST          silo counts to run one after the other, each on a fresh database (default 1,2,3)
          --query-seconds S           then CaseService.GetCase through every gateway for S seconds after 3 s warm-up,
                                      --streams callers (default 10; 0: no reads)
          --postgres-bin PATH         PostgreSQL's initdb, pg_ctl and postgres (default: the newest /usr/lib/postgresql/*/bin)
          --postgres-fsync            fsync and full_page_writes on (default off: the WAL is written, not forced to disk)
          --kill-one                  instead: kill -9 one silo of three under paced load and time the recovery
          --kill-rounds N             rounds of it, each liveness setting once a round (default 3)
          --kill-rate R               reports/s offered during it, in all (default 300)
          --liveness default|fast|both  Orleans' failure detection: its defaults, the tests' fast setting, or both (default both)
        """;

    public TargetSelection Target { get; private set; } = TargetSelection.Both;

    public int Streams { get; private set; } = 16;

    public int Connections { get; private set; } = 1;

    public int Window { get; private set; } = 256;

    public double WarmupSeconds { get; private set; } = 8;

    public double Seconds { get; private set; } = 20;

    public double? PacedRate { get; private set; }

    public bool Paced { get; private set; } = true;

    public double Duplicates { get; private set; }

    public LoadMode Mode { get; private set; } = LoadMode.Uniform;

    public int Incidents { get; private set; } = 300;

    public double StormShare { get; private set; } = 0.6;

    public double DrainTimeoutSeconds { get; private set; } = 60;

    /// <summary>Live watchers (GridService.WatchCells, one street each) for a third phase at max rate; 0: no such phase.</summary>
    public int Watchers { get; private set; }

    /// <summary>Each phase's categories are its own, so its reports open cases rather than merge into earlier phases' cases.</summary>
    public bool FreshCategories { get; private set; }

    public double StartupTimeoutSeconds { get; private set; } = 180;

    public string? SiloDll { get; private set; }

    public bool Build { get; private set; } = true;

    public int Seed { get; private set; } = 1;

    public bool Markdown { get; private set; }

    public bool KeepTemp { get; private set; }

    public EchoFault EchoFault { get; private set; } = EchoFault.None;

    /// <summary>Cluster mode: the silo counts to measure, in this order.</summary>
    public IReadOnlyList<int> SiloCounts { get; private set; } = [1, 2, 3];

    /// <summary>Cluster mode: seconds of GetCase reads after the load (after a 3 s warm-up); 0: none.</summary>
    public double QuerySeconds { get; private set; } = 10;

    /// <summary>Cluster mode: the folder of initdb, pg_ctl and postgres; null: the newest under /usr/lib/postgresql.</summary>
    public string? PostgresBin { get; private set; }

    /// <summary>Cluster mode: PostgreSQL forces its WAL to disk (fsync, full_page_writes); off by default.</summary>
    public bool PostgresFsync { get; private set; }

    /// <summary>Cluster mode: kill -9 one silo of three under paced load instead of measuring throughput.</summary>
    public bool KillOne { get; private set; }

    public int KillRounds { get; private set; } = 3;

    public double KillRate { get; private set; } = 300;

    public LivenessChoice Liveness { get; private set; } = LivenessChoice.Both;

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> with the reason on bad input.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{name} needs a value");
                }

                return args[++i];
            }

            switch (name)
            {
                case "--target": options.Target = ParseEnum<TargetSelection>(name, Value()); break;
                case "--streams": options.Streams = ParseInt(name, Value(), 1, 1000); break;
                case "--connections": options.Connections = ParseInt(name, Value(), 1, 64); break;
                case "--window": options.Window = ParseInt(name, Value(), 1, 100_000); break;
                case "--warmup": options.WarmupSeconds = ParseDouble(name, Value(), 0, 600); break;
                case "--seconds": options.Seconds = ParseDouble(name, Value(), 1, 600); break;
                case "--paced-rate": options.PacedRate = ParseDouble(name, Value(), 1, 10_000_000); break;
                case "--no-paced": options.Paced = false; break;
                case "--duplicates": options.Duplicates = ParseDouble(name, Value(), 0, 1); break;
                case "--mode": options.Mode = ParseEnum<LoadMode>(name, Value()); break;
                case "--incidents": options.Incidents = ParseInt(name, Value(), 1, 100_000); break;
                case "--storm-share": options.StormShare = ParseDouble(name, Value(), 0, 1); break;
                case "--drain-timeout": options.DrainTimeoutSeconds = ParseDouble(name, Value(), 1, 600); break;
                case "--startup-timeout": options.StartupTimeoutSeconds = ParseDouble(name, Value(), 5, 1800); break;
                case "--silo-dll": options.SiloDll = Value(); break;
                case "--no-build": options.Build = false; break;
                case "--seed": options.Seed = ParseInt(name, Value(), int.MinValue, int.MaxValue); break;
                case "--markdown": options.Markdown = true; break;
                case "--keep-temp": options.KeepTemp = true; break;
                case "--echo-fault": options.EchoFault = ParseEnum<EchoFault>(name, Value()); break;
                case "--watchers": options.Watchers = ParseInt(name, Value(), 0, 10_000); break;
                case "--fresh-categories": options.FreshCategories = true; break;
                case "--silo-counts": options.SiloCounts = ParseCounts(name, Value()); break;
                case "--query-seconds": options.QuerySeconds = ParseDouble(name, Value(), 0, 600); break;
                case "--postgres-bin": options.PostgresBin = Value(); break;
                case "--postgres-fsync": options.PostgresFsync = true; break;
                case "--kill-one": options.KillOne = true; break;
                case "--kill-rounds": options.KillRounds = ParseInt(name, Value(), 1, 100); break;
                case "--kill-rate": options.KillRate = ParseDouble(name, Value(), 10, 1_000_000); break;
                case "--liveness": options.Liveness = ParseEnum<LivenessChoice>(name, Value()); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (options.KillOne)
        {
            options.Target = TargetSelection.Cluster;
        }

        return options;
    }

    /// <summary>A copy for a phase of other timings or streams (a cluster's kill measurement).</summary>
    public BenchOptions WithPhase(double warmupSeconds, double seconds, int streams)
    {
        var copy = (BenchOptions)MemberwiseClone();
        copy.WarmupSeconds = warmupSeconds;
        copy.Seconds = seconds;
        copy.Streams = streams;
        return copy;
    }

    /// <summary>The options as one line, for the report.</summary>
    public string Describe()
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"--streams {Streams} --connections {Connections} --window {Window} --warmup {WarmupSeconds} --seconds {Seconds} --duplicates {Duplicates} --mode {Mode.ToString().ToLowerInvariant()}");
        if (Mode == LoadMode.Storm)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" --incidents {Incidents} --storm-share {StormShare}");
        }

        if (PacedRate is { } rate)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" --paced-rate {rate}");
        }

        if (EchoFault != EchoFault.None)
        {
            line += $" --echo-fault {EchoFault.ToString().ToLowerInvariant()}";
        }

        if (Watchers > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" --watchers {Watchers}");
        }

        if (FreshCategories)
        {
            line += " --fresh-categories";
        }

        if (Target == TargetSelection.Cluster)
        {
            line += DescribeCluster();
        }

        return Paced ? line : line + " --no-paced";
    }

    private string DescribeCluster()
    {
        var line = PostgresFsync ? " --target cluster --postgres-fsync" : " --target cluster";
        return KillOne
            ? line + string.Create(CultureInfo.InvariantCulture, $" --kill-one --kill-rounds {KillRounds} --kill-rate {KillRate} --liveness {Liveness.ToString().ToLowerInvariant()}")
            : line + string.Create(CultureInfo.InvariantCulture, $" --silo-counts {string.Join(',', SiloCounts)} --query-seconds {QuerySeconds}");
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && arg.StartsWith("--", StringComparison.Ordinal) ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static int ParseInt(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new ArgumentException($"{name} must be an integer from {min} to {max}, not '{value}'");

    private static double ParseDouble(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new ArgumentException($"{name} must be a number from {min} to {max}, not '{value}'");

    private static int[] ParseCounts(string name, string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 && parts.All(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 8)
            ? [.. parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture))]
            : throw new ArgumentException($"{name} must be a comma-separated list of silo counts from 1 to 8, not '{value}'");
    }

    private static T ParseEnum<T>(string name, string value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new ArgumentException($"{name} must be one of {string.Join('|', Enum.GetNames<T>()).ToLowerInvariant()}, not '{value}'");
}
