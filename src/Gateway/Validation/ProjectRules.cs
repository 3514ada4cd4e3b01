using Governance.City.Map;
using Governance.Contracts.Projects;
using Governance.Contracts.V1;

namespace Governance.Gateway.Validation;

/// <summary>What a project's fields must be before the library is asked to take them.</summary>
internal static class ProjectRules
{
    /// <summary>The largest budget taken: a hundred billion yuan, far above any township's, far below what an int64 holds.</summary>
    public const long MaxBudgetYuan = 100_000_000_000;

    /// <summary>The fields as a draft; null with violations added (named "fields.name" and so on) when any is wrong.</summary>
    public static ProjectDraft? Draft(FieldViolations violations, ProjectFields? fields)
    {
        if (fields is null)
        {
            violations.Add("fields", "is required: name, priority, budget_yuan, status, area and responsible");
            return null;
        }

        var before = violations.Count;
        TextRules.RequireIdentifier(violations, "fields.name", fields.Name, 200);
        TextRules.RequireIdentifier(violations, "fields.responsible", fields.Responsible, 64);
        TextRules.RequireIdentifier(violations, "fields.area", fields.Area, 64);
        if (fields.Priority is Contracts.V1.ProjectPriority.Unspecified || !Enum.IsDefined(fields.Priority))
        {
            violations.Add("fields.priority", "is required: high, medium or low");
        }

        if (fields.Status is Contracts.V1.ProjectStatus.Unspecified || !Enum.IsDefined(fields.Status))
        {
            violations.Add("fields.status", "is required: planned, in progress or done");
        }

        if (fields.BudgetYuan is < 0 or > MaxBudgetYuan)
        {
            violations.Add("fields.budget_yuan", $"is {fields.BudgetYuan}; a budget is whole yuan from 0 to {MaxBudgetYuan:N0}");
        }

        return violations.Count == before
            ? new ProjectDraft(fields.Name.Trim(), (Contracts.Projects.ProjectPriority)(int)fields.Priority, fields.BudgetYuan,
                (Contracts.Projects.ProjectStatus)(int)fields.Status, fields.Area, fields.Responsible.Trim())
            : null;
    }

    /// <summary>The factor a budget breakdown is judged by: null for the configured one.</summary>
    public static double? ConcentrationFactor(FieldViolations violations, double factor)
    {
        if (factor == 0)
        {
            return null;
        }

        if (!double.IsFinite(factor) || factor < 1 || factor > 100)
        {
            violations.Add("concentration_factor", $"is {factor}; give a factor from 1 to 100, or 0 for the configured one");
        }

        return factor;
    }

    /// <summary>The area a budget is broken down for: the city, or an area that has places inside it.</summary>
    public static string BudgetArea(FieldViolations violations, CityMap city, string area)
    {
        if (area.Length > 0 && city.TryGetCell(area, out _))
        {
            violations.Add("area", $"'{area}' is a cell, which has no places inside it to compare; give the area it lies in");
        }

        return area;
    }
}
