namespace Governance.TestSupport.Browser;

/// <summary>
/// Finds a Chromium (or Chrome) executable for the browser tests and decides what a test does without one:
/// skip, or fail when <c>GOVERNANCE_REQUIRE_BROWSER=1</c> (CI sets it so a broken install cannot hide as skips).
/// </summary>
public static class ChromiumAvailability
{
    /// <summary>Set to 1 to turn a missing browser into a test failure.</summary>
    public const string RequireVariable = "GOVERNANCE_REQUIRE_BROWSER";

    /// <summary>Set to an executable to use only that one.</summary>
    public const string ExecutableVariable = "GOVERNANCE_CHROMIUM";

    // Debian's /usr/bin/chromium is a shell script that adds flags from /etc/chromium.d; the binary takes ours as given.
    private const string DebianBinary = "/usr/lib/chromium/chromium";
    private static readonly string[] NamesOnPath = ["chromium", "chromium-browser", "google-chrome"];
    private static readonly Lazy<(string? Executable, IReadOnlyList<string> Searched)> Located = new(Locate);

    /// <summary>The browser executable, or null when none was found.</summary>
    public static string? ExecutablePath => Located.Value.Executable;

    /// <summary>Every path that was tried, in order.</summary>
    public static IReadOnlyList<string> SearchedPaths => Located.Value.Searched;

    /// <summary>Whether a browser was found.</summary>
    public static bool IsAvailable => ExecutablePath is not null;

    /// <summary>Whether <see cref="RequireVariable"/> asks for a browser to be present.</summary>
    public static bool IsRequired => MissingTool.IsRequired(RequireVariable);

    /// <summary>Why browser tests cannot run here.</summary>
    public static string MissingMessage =>
        "No Chromium executable was found; tried "
        + (Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } ? $"{ExecutableVariable}: " : string.Empty)
        + string.Join(", ", SearchedPaths)
        + ". Install it (apt-get install chromium) to run these tests.";

    /// <summary>
    /// Returns when a browser exists. Otherwise skips the calling [SkippableFact], or fails it when
    /// <see cref="RequireVariable"/> is 1.
    /// </summary>
    public static void SkipIfMissing()
    {
        if (!IsAvailable)
        {
            throw MissingTool.SkipOrFail(MissingMessage, RequireVariable);
        }
    }

    private static (string? Executable, IReadOnlyList<string> Searched) Locate()
    {
        var searched = new List<string>();
        foreach (var candidate in Candidates())
        {
            if (searched.Contains(candidate, StringComparer.Ordinal))
            {
                continue;
            }

            searched.Add(candidate);
            if (IsExecutable(candidate))
            {
                return (candidate, searched);
            }
        }

        return (null, searched);
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured)
        {
            yield return configured;
            yield break;
        }

        yield return DebianBinary;
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var name in NamesOnPath)
        {
            foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return Path.Combine(folder, name);
            }
        }
    }

    private static bool IsExecutable(string file)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & anyExecute) != 0;
    }
}
