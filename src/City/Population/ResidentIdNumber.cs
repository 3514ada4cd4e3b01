using System.Globalization;

namespace Governance.City.Population;

/// <summary>
/// The 18-character PRC resident identity number (GB 11643-1999): 6-digit region code, birth date
/// yyyyMMdd, a 3-digit sequence whose last digit is odd for men and even for women, and an ISO 7064
/// MOD 11-2 check character (0–9 or X).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>
    /// Builds a number. <paramref name="sequence"/> (0–499) numbers people of one sex born on one day in one
    /// region; the three sequence digits are 2 × sequence, plus 1 for a man, so their parity gives the sex.
    /// </summary>
    public static string Create(string regionCode, DateOnly birthDate, int sequence, Gender gender)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A region code is six digits.", nameof(regionCode));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 499);
        var digits = (2 * sequence) + (gender == Gender.Male ? 1 : 0);
        var body = string.Create(CultureInfo.InvariantCulture, $"{regionCode}{birthDate:yyyyMMdd}{digits:000}");
        return body + CheckCharacter(body);
    }

    /// <summary>The MOD 11-2 check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("The check character covers exactly 17 digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                throw new ArgumentException("Only digits precede the check character.", nameof(first17));
            }

            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>True when the number has 17 digits, a valid birth date and the right check character.</summary>
    public static bool IsValid(string? idNumber) =>
        idNumber is { Length: 18 }
        && !idNumber.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9')
        && TryGetBirthDate(idNumber, out _)
        && CheckCharacter(idNumber.AsSpan(0, 17)) == idNumber[17];

    /// <summary>The birth date in characters 7–14.</summary>
    public static bool TryGetBirthDate(string? idNumber, out DateOnly birthDate)
    {
        birthDate = default;
        return idNumber is { Length: 18 }
            && DateOnly.TryParseExact(idNumber.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate);
    }

    /// <summary>The sex encoded by the parity of the 17th character.</summary>
    public static Gender GenderOf(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        return (idNumber[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
    }
}
