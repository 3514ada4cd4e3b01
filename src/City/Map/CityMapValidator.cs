using System.Globalization;

namespace Governance.City.Map;

/// <summary>Checks that areas and cells form one consistent hierarchy before a <see cref="CityMap"/> indexes them.</summary>
internal static class CityMapValidator
{
    public static void Validate(IReadOnlyList<Area> areas, IReadOnlyList<CellInfo> cells)
    {
        var byCode = new Dictionary<string, Area>(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            ArgumentNullException.ThrowIfNull(area, nameof(areas));
            if (!AreaCodes.IsValid(area.Code))
            {
                throw new ArgumentException($"Area code '{area.Code}' is not a slug (lowercase ASCII letters, digits and '-').", nameof(areas));
            }

            if (!Enum.IsDefined(area.Level))
            {
                throw new ArgumentException($"Area '{area.Code}' has an undefined level {area.Level}.", nameof(areas));
            }

            if (!byCode.TryAdd(area.Code, area))
            {
                throw new ArgumentException($"Area code '{area.Code}' is used twice.", nameof(areas));
            }
        }

        var parents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            if (area.ParentCode is null)
            {
                continue;
            }

            if (!byCode.ContainsKey(area.ParentCode))
            {
                throw new ArgumentException($"Area '{area.Code}' has unknown parent '{area.ParentCode}'.", nameof(areas));
            }

            parents.Add(area.ParentCode);
            var steps = 0;
            for (var up = area.ParentCode; up is not null; up = byCode[up].ParentCode)
            {
                if (++steps > areas.Count)
                {
                    throw new ArgumentException($"Area '{area.Code}' is its own ancestor.", nameof(areas));
                }
            }
        }

        var cellCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            ArgumentNullException.ThrowIfNull(cell, nameof(cells));
            if (!byCode.ContainsKey(cell.AreaCode) || parents.Contains(cell.AreaCode))
            {
                throw new ArgumentException($"Cell '{cell.Code}' must belong to a lowest-level area; '{cell.AreaCode}' is not one.", nameof(cells));
            }

            if (!HasCode(cell))
            {
                throw new ArgumentException($"Cell code '{cell.Code}' does not match its area, column and row.", nameof(cells));
            }

            if (!cellCodes.Add(cell.Code))
            {
                throw new ArgumentException($"Cell code '{cell.Code}' is used twice.", nameof(cells));
            }
        }
    }

    /// <summary>Checks the code against <see cref="Format"/> without building a string for each of many cells.</summary>
    private static bool HasCode(CellInfo cell)
    {
        var code = cell.Code.AsSpan();
        Span<char> numbers = stackalloc char[24];
        return code.StartsWith(cell.AreaCode, StringComparison.Ordinal)
            && code.Length > cell.AreaCode.Length
            && code[cell.AreaCode.Length] == '.'
            && numbers.TryWrite(CultureInfo.InvariantCulture, $"{cell.Column}.{cell.Row}", out var written)
            && code[(cell.AreaCode.Length + 1)..].SequenceEqual(numbers[..written]);
    }

    /// <summary>The one place the cell code format is written down.</summary>
    public static string Format(string areaCode, int column, int row) =>
        string.Create(CultureInfo.InvariantCulture, $"{areaCode}.{column}.{row}");
}
