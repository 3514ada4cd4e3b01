namespace Governance.Cli.Mapping;

/// <summary>How a column's value becomes a category code (1-64 of a-z, 0-9, '.', '_', '-').</summary>
public sealed record CategorySpec
{
    /// <summary>The column naming the kind of request, e.g. "Street Light Outages".</summary>
    public string? Column { get; init; }

    /// <summary>Values (matched ignoring case) and the codes they become; looked up first.</summary>
    public Dictionary<string, string> Values { get; init; } = [];

    /// <summary>Whether a value not in <see cref="Values"/> becomes its slug ("Street Light Outages" → "street-light-outages").</summary>
    public bool Slugify { get; init; } = true;

    /// <summary>The code for an empty value; without it an empty value rejects the row.</summary>
    public string? Default { get; init; }
}
