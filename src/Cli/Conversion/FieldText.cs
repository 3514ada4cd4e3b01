using System.Net;
using System.Text;

namespace Governance.Cli.Conversion;

/// <summary>Cleans a CSV value for use in a report.</summary>
public static class FieldText
{
    /// <summary>
    /// Decodes HTML entities (open-data exports carry "City Sq &amp;amp; Harvard St" from web forms), folds runs of
    /// white space into one space (address columns are padded with double spaces) and trims.
    /// </summary>
    public static string Clean(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var decoded = raw.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(raw) : raw;
        var text = new StringBuilder(decoded.Length);
        var pendingSpace = false;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="maxLength"/> characters, ending in "…" when cut, and never
    /// between the two halves of a surrogate pair.
    /// </summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var keep = maxLength - 1;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep).TrimEnd(), "…");
    }
}
