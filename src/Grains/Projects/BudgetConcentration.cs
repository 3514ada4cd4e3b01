using System.Collections.Immutable;
using Governance.City.Map;
using Governance.Contracts.Projects;

namespace Governance.Grains.Projects;

/// <summary>
/// Splits the budget of the projects serving an area among the places directly inside it (its child areas, or the cells
/// of a lowest-level area) and sets each place's budget share against its resident share.
/// </summary>
public static class BudgetConcentration
{
    public static BudgetBreakdown Of(CityMap city, IEnumerable<Project> projects, IReadOnlyDictionary<string, int> residentsPerCell, string area, double factor)
    {
        var places = PlacesInside(city, area);
        var budgets = places.ToDictionary(p => p, _ => BudgetByStatus.None, StringComparer.Ordinal);
        var wholeArea = BudgetByStatus.None;
        var totals = BudgetByStatus.None;
        foreach (var project in projects)
        {
            var chain = city.PlaceChain(project.Draft.Area);
            var at = area.Length == 0 ? chain.Count : chain.ToList().IndexOf(area);
            if (at < 0)
            {
                continue;
            }

            var (status, yuan) = (project.Draft.Status, project.Draft.BudgetYuan);
            totals = totals.Plus(status, yuan);
            // The place just inside the area is the one before it in the chain; a project of the area itself has none.
            if (at == 0)
            {
                wholeArea = wholeArea.Plus(status, yuan);
            }
            else
            {
                budgets[chain[at - 1]] = budgets[chain[at - 1]].Plus(status, yuan);
            }
        }

        var residents = places.ToDictionary(p => p, p => (long)city.CellCodesIn(p).Sum(c => residentsPerCell.GetValueOrDefault(c)), StringComparer.Ordinal);
        var (budgetSum, residentSum) = (budgets.Values.Sum(b => b.Total), residents.Values.Sum());
        var rows = places.Select(place =>
        {
            var (budget, people) = (budgets[place].Total, residents[place]);
            // Compared as exact products (budget × all residents against factor × residents × all budget), not as shares.
            var concentrated = budget > 0 && (people == 0 || (decimal)budget * residentSum > (decimal)factor * people * budgetSum);
            return new BudgetRow(place, budgets[place], people, Share(budget, budgetSum), Share(people, residentSum), concentrated);
        });
        return new BudgetBreakdown(area, factor, [.. rows], wholeArea, totals, residentSum);
    }

    /// <summary>The places directly inside the area: the top areas for the city, an area's children, or a lowest area's cells.</summary>
    public static ImmutableArray<string> PlacesInside(CityMap city, string area)
    {
        if (area.Length == 0)
        {
            return [.. city.Areas.Where(a => a.ParentCode is null).Select(a => a.Code)];
        }

        var children = city.ChildrenOf(area);
        return children.Count > 0 ? [.. children.Select(a => a.Code)] : [.. city.CellsInArea(area).Select(c => c.Code)];
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
