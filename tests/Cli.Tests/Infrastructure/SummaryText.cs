using System.Globalization;
using System.Text.RegularExpressions;

namespace Governance.Cli.Tests.Infrastructure;

/// <summary>Reads the numbers back out of the summary table the tool prints, as a script reading its output would.</summary>
public static partial class SummaryText
{
    /// <summary>The number on the row labelled <paramref name="label"/> ("rows read", "created", …).</summary>
    public static long Count(string output, string label)
    {
        var match = Regex.Match(output, $@"│\s*{Regex.Escape(label)}\s*│\s*([\d,]+)\s*│", RegexOptions.CultureInvariant);
        Assert.True(match.Success, $"No row '{label}' in the summary:\n{output}");
        return long.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    /// <summary>How many distinct cases the merged reports went into, from "into N distinct cases".</summary>
    public static long MergedIntoCases(string output)
    {
        var match = IntoCases().Match(output);
        Assert.True(match.Success, output);
        return long.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"into ([\d,]+) distinct cases", RegexOptions.CultureInvariant)]
    private static partial Regex IntoCases();
}
