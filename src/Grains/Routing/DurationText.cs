using System.Globalization;
using System.Text.RegularExpressions;

namespace Governance.Grains.Routing;

/// <summary>Durations as a rules file writes them: a number and a unit, "90s", "30m", "4h", "1.5d".</summary>
public static partial class DurationText
{
    /// <summary>The duration <paramref name="text"/> names, or null when it is not one, or not more than zero.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (text is null || DurationShape().Match(text.Trim()) is not { Success: true } match)
        {
            return null;
        }

        var amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        var duration = match.Groups["unit"].Value switch
        {
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
        return duration > TimeSpan.Zero ? duration : null;
    }

    /// <summary>A duration in the shortest of those words that is exact, e.g. "3d", "36h", "90m".</summary>
    public static string Format(TimeSpan duration) => duration switch
    {
        { Ticks: var t } when t % TimeSpan.TicksPerDay == 0 => $"{duration.TotalDays:0}d",
        { Ticks: var t } when t % TimeSpan.TicksPerHour == 0 => $"{duration.TotalHours:0}h",
        { Ticks: var t } when t % TimeSpan.TicksPerMinute == 0 => $"{duration.TotalMinutes:0}m",
        _ => $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s",
    };

    [GeneratedRegex(@"^(?<amount>[0-9]{1,6}(\.[0-9]{1,3})?)(?<unit>[smhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationShape();
}
