using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Governance.Cli.Conversion;

/// <summary>Category codes as the contract defines them: 1-64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit.</summary>
public static partial class CategoryCodes
{
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="code"/> is a valid category code.</summary>
    public static bool IsValid(string code) => code.Length <= MaxLength && ValidCode().IsMatch(code);

    /// <summary>
    /// The code a name becomes: lower case, accents dropped, every run of other characters one '-', no separator at
    /// either end, at most 64 characters ("Sidewalk Repair (Make Safe)" → "sidewalk-repair-make-safe"). Empty when the
    /// name has no letter or digit.
    /// </summary>
    public static string Slugify(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new StringBuilder(name.Length);
        var pendingDash = false;
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_')
            {
                if (pendingDash && slug.Length > 0)
                {
                    slug.Append('-');
                }

                pendingDash = false;
                slug.Append(lower);
            }
            else
            {
                pendingDash = true;
            }
        }

        var code = slug.ToString().Trim('.', '_', '-');
        return code.Length <= MaxLength ? code : code[..MaxLength].TrimEnd('.', '_', '-');
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidCode();
}
