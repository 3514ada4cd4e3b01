using System.Globalization;
using System.Text;

namespace Governance.City.Map;

/// <summary>
/// Area codes are slugs: lowercase ASCII letters, digits and single inner '-', at most <see cref="MaxLength"/>
/// characters. They end up in cell codes and grain keys, so nothing else is allowed.
/// </summary>
public static class AreaCodes
{
    public const int MaxLength = 48;

    /// <summary>Used when a name has nothing to transliterate (e.g. a Chinese name without a pinyin code).</summary>
    public const string Fallback = "area";

    public static bool IsValid(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > MaxLength || code[0] == '-' || code[^1] == '-' || code.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        return code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
    }

    /// <summary>
    /// "Back Bay" → "back-bay", "Île-de-Café" → "ile-de-cafe", "Straße" → "strasse". Letters outside Latin
    /// become separators; a name with nothing left becomes <see cref="Fallback"/>.
    /// </summary>
    public static string Slugify(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var text = lower switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' => null,
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'đ' or 'ð' => "d",
                'þ' => "th",
                'ł' => "l",
                'ı' => "i",
                _ => "-",
            };
            if (text is null)
            {
                slug.Append(lower);
            }
            else if (text != "-" || (slug.Length > 0 && slug[^1] != '-'))
            {
                slug.Append(text);
            }
        }

        var result = slug.ToString().Trim('-');
        if (result.Length > MaxLength)
        {
            result = result[..MaxLength].TrimEnd('-');
        }

        return result.Length == 0 ? Fallback : result;
    }

    /// <summary>
    /// <paramref name="slug"/> if no one has it yet, otherwise <c>slug-2</c>, <c>slug-3</c>, …; the result is
    /// added to <paramref name="taken"/>.
    /// </summary>
    public static string MakeUnique(string slug, ISet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var candidate = slug;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            candidate = slug[..Math.Min(slug.Length, MaxLength - suffix.Length)].TrimEnd('-') + suffix;
        }

        return candidate;
    }
}
