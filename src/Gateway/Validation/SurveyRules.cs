using Governance.Contracts.Surveys;
using Governance.Contracts.V1;

namespace Governance.Gateway.Validation;

/// <summary>What a survey and an answer must be before a grain is asked to take them.</summary>
internal static class SurveyRules
{
    public const int MaxSampleSize = 10_000;
    private const int CommentMaxLength = 1_000;
    private static readonly TimeSpan LongestOpen = TimeSpan.FromDays(365);

    /// <summary>The request as a draft; null with violations added when any field is wrong.</summary>
    public static SurveyDraft? Draft(FieldViolations violations, CreateSurveyRequest request, DateTimeOffset now)
    {
        var before = violations.Count;
        TextRules.RequireIdentifier(violations, "title", request.Title, 200);
        TextRules.RequireIdentifier(violations, "question", request.Question, 1_000);
        TextRules.RequireIdentifier(violations, "area", request.Area, 64);
        if (request.PolicyId.Length > 0)
        {
            PolicyRules.Id(violations, "policy_id", request.PolicyId);
        }

        if (request.SampleSize is < 0 or > MaxSampleSize)
        {
            violations.Add("sample_size", $"is {request.SampleSize}; draw 1 to {MaxSampleSize:N0} residents, or 0 for the configured default");
        }

        var closes = TimeRules.Optional(violations, "closes_at", request.ClosesAt);
        if (closes is null || closes <= now || closes > now + LongestOpen)
        {
            violations.Add("closes_at", "is required: a time in the next 365 days");
        }

        return violations.Count == before
            ? new SurveyDraft(request.Title.Trim(), request.Question.Trim(), request.Area, request.PolicyId, request.SampleSize, request.Seed, closes!.Value)
            : null;
    }

    public static void Answer(FieldViolations violations, AnswerSurveyRequest request)
    {
        if (request.Score is < 1 or > 5)
        {
            violations.Add("score", $"is {request.Score}; answer from 1 (very dissatisfied) to 5 (very satisfied)");
        }

        if (request.Comment.Length > CommentMaxLength)
        {
            violations.Add("comment", $"is {request.Comment.Length} characters long; at most {CommentMaxLength:N0} are allowed");
        }
        else if (request.Comment.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            violations.Add("comment", "must not contain control characters other than line breaks and tabs");
        }
    }
}
