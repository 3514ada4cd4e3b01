using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Governance.City.Map;
using Governance.Contracts.Policies;
using Governance.Contracts.V1;
using Grpc.Core;

namespace Governance.Gateway.Validation;

/// <summary>What a policy, its funds, a quarter and a set of weights must be.</summary>
internal static partial class PolicyRules
{
    private const int MaxAreas = 500;
    private const int MaxQuarters = 40;
    private const double MaxWeight = 10;

    /// <summary>A policy id: 1-40 characters of a-z, 0-9 and '-', starting with a letter or digit.</summary>
    public static void Id(FieldViolations violations, string field, string id)
    {
        if (!IdShape().IsMatch(id))
        {
            violations.Add(field, "must be 1-40 characters of a-z, 0-9 and '-', starting with a letter or digit (e.g. toilet-renovation)");
        }
    }

    /// <summary>The definition; null with violations added when a field is wrong. NOT_FOUND for an area the city does not have.</summary>
    public static Contracts.Policies.PolicyDefinition? Definition(FieldViolations violations, DefinePolicyRequest request, CityMap city)
    {
        var before = violations.Count;
        Id(violations, "policy_id", request.PolicyId);
        TextRules.RequireIdentifier(violations, "name", request.Name, 200);
        if (request.Areas.Count is 0 or > MaxAreas)
        {
            violations.Add("areas", $"has {request.Areas.Count}; a policy runs in 1 to {MaxAreas} areas or cells");
        }

        for (var i = 0; i < request.Areas.Count; i++)
        {
            if (request.Areas[i].Length is 0 or > 64)
            {
                violations.Add($"areas[{i}]", "must be an area code or a cell id, 1-64 characters");
            }
        }

        if (violations.Count > before)
        {
            return null;
        }

        for (var i = 0; i < request.Areas.Count; i++)
        {
            PlaceRules.RequirePlace(city, $"areas[{i}]", request.Areas[i]);
        }

        return new Contracts.Policies.PolicyDefinition(request.PolicyId, request.Name.Trim(), [.. request.Areas.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>A quarter written "2026-Q3"; default with a violation added otherwise.</summary>
    public static Quarter Quarter(FieldViolations violations, string field, string text)
    {
        if (Contracts.Policies.Quarter.TryParse(text, out var quarter))
        {
            return quarter;
        }

        violations.Add(field, $"'{(text.Length <= 16 ? text : text[..16] + "…")}' is not a quarter; write it as 2026-Q3 (years 2000 to 2100)");
        return default;
    }

    /// <summary>A range of quarters, at most <see cref="MaxQuarters"/>, first not after last.</summary>
    public static void Range(FieldViolations violations, Quarter first, Quarter last)
    {
        var count = ((last.Year - first.Year) * 4) + (last.Number - first.Number) + 1;
        if (count < 1)
        {
            violations.Add("last_quarter", $"{last} is before the first quarter, {first}");
        }
        else if (count > MaxQuarters)
        {
            violations.Add("last_quarter", $"{first} to {last} is {count} quarters; ask for at most {MaxQuarters}");
        }
    }

    public static Contracts.Policies.PolicyFunds? Funds(FieldViolations violations, Contracts.V1.PolicyFunds? funds)
    {
        if (funds is null)
        {
            violations.Add("funds", "is required: quarter, allocated_yuan and spent_yuan");
            return null;
        }

        var quarter = Quarter(violations, "funds.quarter", funds.Quarter);
        foreach (var (field, yuan) in new[] { ("funds.allocated_yuan", funds.AllocatedYuan), ("funds.spent_yuan", funds.SpentYuan) })
        {
            if (yuan is < 0 or > ProjectRules.MaxBudgetYuan)
            {
                violations.Add(field, $"is {yuan}; whole yuan from 0 to {ProjectRules.MaxBudgetYuan:N0}");
            }
        }

        return new Contracts.Policies.PolicyFunds(quarter, funds.AllocatedYuan, funds.SpentYuan);
    }

    /// <summary>The weights asked for; null (the configured ones) when none is set.</summary>
    public static Contracts.Policies.PolicyWeights? Weights(FieldViolations violations, Contracts.V1.PolicyWeights? weights)
    {
        if (weights is null || (weights.Satisfaction == 0 && weights.FundUse == 0 && weights.Complaints == 0))
        {
            return null;
        }

        foreach (var (field, weight) in new[] { ("weights.satisfaction", weights.Satisfaction), ("weights.fund_use", weights.FundUse), ("weights.complaints", weights.Complaints) })
        {
            if (!double.IsFinite(weight) || Math.Abs(weight) > MaxWeight)
            {
                violations.Add(field, $"is {weight}; a weight is from -{MaxWeight} to {MaxWeight}");
            }
        }

        return new Contracts.Policies.PolicyWeights(weights.Satisfaction, weights.FundUse, weights.Complaints);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdShape();
}
