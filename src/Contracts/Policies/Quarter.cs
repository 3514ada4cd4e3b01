using System.Globalization;
using System.Text.RegularExpressions;

namespace Governance.Contracts.Policies;

/// <summary>A calendar quarter in UTC, written "2026-Q3": the period a policy is scored for.</summary>
[GenerateSerializer, Immutable, Alias("Quarter")]
public readonly partial record struct Quarter([property: Id(0)] int Year, [property: Id(1)] int Number)
{
    /// <summary>Its first moment, UTC.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset Start => new(Year, ((Number - 1) * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first moment after it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset End => Start.AddMonths(3);

    [System.Text.Json.Serialization.JsonIgnore]
    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    /// <summary>The quarter the moment falls in.</summary>
    public static Quarter Of(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new Quarter(utc.Year, ((utc.Month - 1) / 3) + 1);
    }

    /// <summary>"2026-Q3" as a quarter; false for anything else (years 2000 to 2100).</summary>
    public static bool TryParse(string text, out Quarter quarter)
    {
        quarter = default;
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }

        quarter = new Quarter(year, match.Groups[2].Value[0] - '0');
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$")]
    private static partial Regex Pattern();
}
