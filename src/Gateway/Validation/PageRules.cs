namespace Governance.Gateway.Validation;

/// <summary>How many items a page may hold, the same rule for every list: 0 for the list's default, else 1 to its most.</summary>
internal static class PageRules
{
    /// <summary>The page size to use: <paramref name="fallback"/> for 0; a violation naming page_size when out of range.</summary>
    public static int Size(FieldViolations violations, int requested, int fallback, int most)
    {
        if (requested < 0 || requested > most)
        {
            violations.Add("page_size", $"{requested} is outside [0, {most}] (0 means {fallback})");
            return fallback;
        }

        return requested == 0 ? fallback : requested;
    }
}
