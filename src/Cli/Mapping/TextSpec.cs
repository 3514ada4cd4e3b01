namespace Governance.Cli.Mapping;

/// <summary>A text field (description, reporter id): a template over columns, or one fixed value. Exactly one is given.</summary>
public sealed record TextSpec
{
    /// <summary>Text with <c>{column}</c> placeholders, e.g. "{case_title} — {location}"; <c>{{</c> and <c>}}</c> are literal braces.</summary>
    public string? Template { get; init; }

    /// <summary>The same text for every row.</summary>
    public string? Value { get; init; }
}
