using Governance.City.Map;
using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.Grains.Storage;

namespace Governance.CaseList.Bench;

/// <summary>
/// A year of a city's cases, opened in time order as intake saves them: categories of very different frequency, most
/// cases long closed, a few thousand in the departments' hands, some of those overdue. Seeded: the same every run.
/// </summary>
internal sealed class CaseRows(CityMap city, DateTimeOffset now, int seed = 7)
{
    public static readonly string[] Departments = ["city-management", "roads", "water", "flood-control", "lighting", "environment", "public-security"];

    // Category, department, relative frequency (a few common ones, a long tail).
    public static readonly (string Category, string Department, int Weight)[] Categories =
    [
        ("sidewalk-repair-make-safe", "roads", 400), ("street-light-outages", "lighting", 300), ("road.pothole", "roads", 250),
        ("noise", "environment", 200), ("sanitation.overflowing-bin", "environment", 150), ("parking-enforcement", "public-security", 120),
        ("water.leak", "water", 80), ("water.main-burst", "water", 20), ("drain.blocked", "water", 60), ("flood.water-level-alarm", "flood-control", 10),
        ("improper-storage-of-trash-barrels", "environment", 50), ("graffiti-removal", "city-management", 40), ("building.unsafe", "city-management", 5),
        ("tree.fallen", "city-management", 30), ("abandoned-vehicle", "public-security", 25), ("illegal-advertising", "city-management", 15),
    ];

    public static readonly TimeSpan Year = TimeSpan.FromDays(365);

    private readonly Random _random = new(seed);
    private readonly int _categoryWeights = Categories.Sum(c => c.Weight);

    /// <summary>The rows of cases number <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> of <paramref name="total"/>.</summary>
    public List<OpenCaseRow> Next(int from, int count, int total)
    {
        var rows = new List<OpenCaseRow>(count);
        for (var i = from; i < from + count; i++)
        {
            // Spread over the last year, in order, as a city opens them.
            var opened = now - Year + (Year * ((i + _random.NextDouble()) / total));
            var cell = city.Cells[_random.Next(city.Cells.Count)];
            var (category, department, _) = PickCategory();
            var status = PickStatus(now - opened);
            var handled = status is CaseStatusKind.Dispatched or CaseStatusKind.Suspended or CaseStatusKind.Handled or CaseStatusKind.Verified
                or CaseStatusKind.Closed or CaseStatusKind.Evaluated;
            var running = status == CaseStatusKind.Dispatched;
            var header = new CaseHeader($"c{i:D16}", category, status, opened, $"Case {i}: {category} reported at {cell.Code}", new GeoLocation(cell.Centroid.Latitude, cell.Centroid.Longitude), opened);
            rows.Add(new OpenCaseRow(cell.Code, header, null)
            {
                Department = handled ? department : "",
                // A due time a few days after dispatch: the older open ones are overdue.
                DueAt = running ? opened + TimeSpan.FromHours(2 + _random.Next(240)) : null,
            });
        }

        return rows;
    }

    private (string, string, int) PickCategory()
    {
        var pick = _random.Next(_categoryWeights);
        foreach (var category in Categories)
        {
            pick -= category.Weight;
            if (pick < 0)
            {
                return category;
            }
        }

        return Categories[^1];
    }

    // Young cases are still moving; cases older than a month are nearly all closed.
    private CaseStatusKind PickStatus(TimeSpan age)
    {
        var roll = _random.NextDouble();
        if (age < TimeSpan.FromDays(30))
        {
            return roll switch
            {
                < 0.05 => CaseStatusKind.Reported,
                < 0.10 => CaseStatusKind.Registered,
                < 0.35 => CaseStatusKind.Dispatched,
                < 0.37 => CaseStatusKind.Suspended,
                < 0.45 => CaseStatusKind.Handled,
                < 0.50 => CaseStatusKind.Verified,
                < 0.53 => CaseStatusKind.Rejected,
                < 0.80 => CaseStatusKind.Closed,
                _ => CaseStatusKind.Evaluated,
            };
        }

        return roll switch
        {
            < 0.002 => CaseStatusKind.Dispatched,
            < 0.003 => CaseStatusKind.Suspended,
            < 0.04 => CaseStatusKind.Rejected,
            < 0.30 => CaseStatusKind.Closed,
            _ => CaseStatusKind.Evaluated,
        };
    }
}
