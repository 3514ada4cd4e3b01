using System.Text.RegularExpressions;

namespace Governance.Cli.Replay;

/// <summary>
/// The server's reasons name the offending values ("(42.2, -70.9) is outside every area of boston"); counted as
/// they are, every row would be a reason of its own. Values are replaced by "…" so rows with the same problem
/// count together; the rejects file keeps the reasons whole.
/// </summary>
public static partial class ReasonPattern
{
    public static string Generalise(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var general = QuotedText().Replace(reason, "'…'");
        general = Timestamp().Replace(general, "…");
        return Number().Replace(general, "…");
    }

    [GeneratedRegex("'[^']*'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedText();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"(?<![\w.-])-?\d+(\.\d+)?(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
