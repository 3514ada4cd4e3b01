using System.Collections.Immutable;
using Governance.Contracts.Deadlines;
using Governance.Contracts.Welfare;

namespace Governance.Grains.Routing;

/// <summary>
/// How a welfare application (低保) goes, from the rules file's <c>welfare</c> section: the documents it must bring
/// before anything else, the departments that check the household in parallel and in how long, who reviews it first
/// and second and in how long, and how long its public notice runs.
/// </summary>
/// <param name="RequiredDocuments">Documents without which it is not accepted.</param>
/// <param name="Approvers">The departments concerned, each checking in parallel once it is accepted.</param>
/// <param name="ApprovalDeadline">The time the departments have for their checks.</param>
/// <param name="FirstReview">The first review's department (the street office) and its time.</param>
/// <param name="SecondReview">The second review's department (civil affairs) and its time; it also disburses.</param>
/// <param name="NoticePeriod">How long the approved allowance is on public notice before disbursement.</param>
public sealed record WelfareRules(
    ImmutableArray<DocumentKind> RequiredDocuments,
    ImmutableArray<string> Approvers,
    DeadlineRule ApprovalDeadline,
    (string Department, DeadlineRule Deadline) FirstReview,
    (string Department, DeadlineRule Deadline) SecondReview,
    TimeSpan NoticePeriod)
{
    private static readonly ImmutableArray<DocumentKind> BuiltInDocuments = [DocumentKind.IdCard, DocumentKind.HouseholdRegister, DocumentKind.IncomeProof];
    private static readonly DeadlineRule BuiltInReview = new(DeadlineKind.Coordinated, TimeSpan.FromDays(10));

    /// <summary>A document kind's name as the rules file and clients write it, e.g. "household_register".</summary>
    public static string Name(DocumentKind kind) => kind switch
    {
        DocumentKind.IdCard => "id_card",
        DocumentKind.HouseholdRegister => "household_register",
        DocumentKind.IncomeProof => "income_proof",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>A document kind as an applicant knows it, for the words of a refusal, e.g. "household register (户口簿)".</summary>
    public static string Describe(DocumentKind kind) => kind switch
    {
        DocumentKind.IdCard => "ID card (身份证)",
        DocumentKind.HouseholdRegister => "household register (户口簿)",
        DocumentKind.IncomeProof => "income proof (收入证明)",
        _ => "other supporting document",
    };

    /// <summary>The file's section checked against its departments; problems are added, not thrown.</summary>
    internal static WelfareRules Resolve(RoutingRulesFile.WelfareEntry? section, IReadOnlyDictionary<string, string> departments, string fallback, List<string> problems)
    {
        if (section is null)
        {
            // No section: the default department reviews twice, nobody else checks, a week's notice.
            return new WelfareRules(BuiltInDocuments, [], BuiltInReview, (fallback, BuiltInReview), (fallback, BuiltInReview), TimeSpan.FromDays(7));
        }

        var documents = new List<DocumentKind>();
        foreach (var name in section.RequiredDocuments ?? [.. BuiltInDocuments.Select(Name)])
        {
            var kind = Enum.GetValues<DocumentKind>().Cast<DocumentKind?>().FirstOrDefault(k => Name(k!.Value) == name?.Trim());
            if (kind is null or DocumentKind.Other)
            {
                problems.Add($"welfare.requiredDocuments: '{name}' is not a document kind; one of id_card, household_register, income_proof");
            }
            else if (!documents.Contains(kind.Value))
            {
                documents.Add(kind.Value);
            }
        }

        var approvers = section.Approvers ?? [];
        for (var i = 0; i < approvers.Count; i++)
        {
            if (!departments.ContainsKey(approvers[i] ?? "") || approvers.IndexOf(approvers[i]) != i)
            {
                problems.Add($"welfare.approvers[{i}]: '{approvers[i]}' is not a listed department, or is listed twice");
            }
        }

        return new WelfareRules(
            [.. documents],
            [.. approvers.OfType<string>().Distinct()],
            new DeadlineRule(DeadlineKind.Coordinated, Limit(section.ApprovalLimit, "welfare.approvalLimit", problems)),
            Review(section.FirstReview, "welfare.firstReview", departments, problems),
            Review(section.SecondReview, "welfare.secondReview", departments, problems),
            Limit(section.NoticePeriod, "welfare.noticePeriod", problems));
    }

    private static (string, DeadlineRule) Review(
        RoutingRulesFile.LevelEntry? review, string at, IReadOnlyDictionary<string, string> departments, List<string> problems)
    {
        if (review is null || !departments.ContainsKey(review.Department ?? ""))
        {
            problems.Add($"{at}.department: '{review?.Department}' is not a listed department");
        }

        return (review?.Department ?? "", new DeadlineRule(DeadlineKind.Coordinated, Limit(review?.Limit, $"{at}.limit", problems)));
    }

    private static TimeSpan Limit(string? text, string at, List<string> problems)
    {
        if (DurationText.Parse(text) is { } limit)
        {
            return limit;
        }

        problems.Add($"{at}: '{text}' is not a duration such as 90m, 4h or 3d");
        return TimeSpan.FromDays(1);
    }
}
