using System.Globalization;

namespace Governance.Intake.Bench.Postgres;

/// <summary>Where the PostgreSQL server's programs (initdb, pg_ctl, postgres) are: the folder given, or the newest under /usr/lib/postgresql.</summary>
public static class PostgresBinaries
{
    private static readonly string[] Tools = ["initdb", "pg_ctl", "postgres"];

    /// <summary>The folder holding all three; throws <see cref="BenchFailedException"/> saying where it looked when there is none.</summary>
    public static string Find(string? configured)
    {
        List<string> candidates = configured is not null
            ? [configured]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf).Select(v => Path.Combine(v, "bin")).ToList()
                : [];
        return candidates.FirstOrDefault(folder => Tools.All(tool => File.Exists(Path.Combine(folder, tool))))
            ?? throw new BenchFailedException(
                $"PostgreSQL's initdb, pg_ctl and postgres were not found in {(candidates.Count == 0 ? "/usr/lib/postgresql/*/bin" : string.Join(", ", candidates))}: "
                + "install postgresql-15 or pass --postgres-bin");
    }

    private static int VersionOf(string folder) =>
        int.TryParse(Path.GetFileName(folder), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : 0;
}
