namespace Governance.TestSupport;

/// <summary>
/// Finds the PostgreSQL server binaries (initdb, pg_ctl, postgres) and decides what a test does without them:
/// skip, or fail when <c>GOVERNANCE_REQUIRE_POSTGRES=1</c> (CI sets it so a broken install cannot hide as skips).
/// </summary>
public static class PostgresAvailability
{
    /// <summary>Set to 1 to turn a missing PostgreSQL into a test failure.</summary>
    public const string RequireVariable = "GOVERNANCE_REQUIRE_POSTGRES";

    /// <summary>Set to a folder to look only there (a non-default install, or a folder without them to see the skip).</summary>
    public const string BinFolderVariable = "GOVERNANCE_POSTGRES_BIN";

    private static readonly string[] Tools = ["initdb", "pg_ctl", "postgres"];
    private static readonly Lazy<(string? Folder, IReadOnlyList<string> Searched)> Located = new(Locate);

    /// <summary>The folder holding all three binaries, or null when none was found.</summary>
    public static string? BinFolder => Located.Value.Folder;

    /// <summary>Every folder that was looked in, in order.</summary>
    public static IReadOnlyList<string> SearchedFolders => Located.Value.Searched;

    /// <summary>Whether the binaries were found.</summary>
    public static bool IsAvailable => BinFolder is not null;

    /// <summary>Whether <see cref="RequireVariable"/> asks for PostgreSQL to be present.</summary>
    public static bool IsRequired => MissingTool.IsRequired(RequireVariable);

    /// <summary>Why PostgreSQL tests cannot run here.</summary>
    public static string MissingMessage =>
        $"PostgreSQL 15 binaries (initdb, pg_ctl, postgres) were not found; looked in "
        + (Environment.GetEnvironmentVariable(BinFolderVariable) is { Length: > 0 } ? $"{BinFolderVariable}: " : "PATH and /usr/lib/postgresql/*/bin: ")
        + string.Join(", ", SearchedFolders)
        + ". Install them (apt-get install postgresql-15) to run these tests.";

    /// <summary>
    /// Returns when the binaries exist. Otherwise skips the calling [SkippableFact], or fails it when
    /// <see cref="RequireVariable"/> is 1.
    /// </summary>
    public static void SkipIfMissing()
    {
        if (!IsAvailable)
        {
            throw MissingTool.SkipOrFail(MissingMessage, RequireVariable);
        }
    }

    private static (string? Folder, IReadOnlyList<string> Searched) Locate()
    {
        var searched = new List<string>();
        foreach (var folder in CandidateFolders())
        {
            if (searched.Contains(folder, StringComparer.Ordinal))
            {
                continue;
            }

            searched.Add(folder);
            if (Tools.All(tool => File.Exists(Path.Combine(folder, tool))))
            {
                return (folder, searched);
            }
        }

        return (null, searched);
    }

    private static IEnumerable<string> CandidateFolders()
    {
        if (Environment.GetEnvironmentVariable(BinFolderVariable) is { Length: > 0 } configured)
        {
            yield return configured;
            yield break;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return folder;
        }

        // Debian/Ubuntu keep the server binaries out of PATH; prefer 15, the version the project targets.
        const string debianRoot = "/usr/lib/postgresql";
        yield return Path.Combine(debianRoot, "15", "bin");
        if (Directory.Exists(debianRoot))
        {
            foreach (var version in Directory.GetDirectories(debianRoot).Order(StringComparer.Ordinal).Reverse())
            {
                yield return Path.Combine(version, "bin");
            }
        }
    }
}
