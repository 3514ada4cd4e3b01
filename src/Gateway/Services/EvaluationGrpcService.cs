using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Evaluation;
using Governance.Contracts.Surveys;
using Governance.Contracts.V1;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>EvaluationService: a cell's figures from the cell, an area's or a department's from its roll-up.</summary>
public sealed class EvaluationGrpcService(IGrainFactory grains, CityMap city) : EvaluationService.EvaluationServiceBase
{
    private const int MaxWindowDays = 366;

    public override async Task<GetEvaluationResponse> GetEvaluation(GetEvaluationRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if ((request.Area.Length > 0) == (request.Department.Length > 0))
        {
            violations.Add("area", "give exactly one of area and department");
        }

        var first = Day(violations, "first_day", request.FirstDay);
        var last = Day(violations, "last_day", request.LastDay);
        if (first is { } from && last is { } to && (to < from || to.DayNumber - from.DayNumber >= MaxWindowDays))
        {
            violations.Add("last_day", $"{to:yyyy-MM-dd} must be on or after first_day and at most {MaxWindowDays - 1} days after it");
        }

        violations.ThrowIfAny();
        var (firstDay, lastDay) = (first!.Value, last!.Value);
        EvaluationReport? report;
        if (request.Department.Length > 0)
        {
            report = await grains.DepartmentEvaluation(request.Department).EvaluateAsync(firstDay, lastDay)
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"department: there is no department '{request.Department}' in the routing rules"));
        }
        else if (city.TryGetCell(request.Area, out _))
        {
            // A cell's own figures are current: it tallies its rows when asked.
            report = await grains.Cell(request.Area).EvaluateAsync(firstDay, lastDay);
        }
        else
        {
            report = await grains.AreaEvaluation(PlaceRules.RequirePlace(city, "area", request.Area)).EvaluateAsync(firstDay, lastDay);
        }

        var response = ToProto(report!);
        if (request.Area.Length > 0)
        {
            await AddSurveysAsync(response, request.Area, firstDay, lastDay);
        }

        return response;
    }

    // The area's satisfaction surveys sent in the window, answered by the residents sampled: a KPI beside the ratings.
    private async Task AddSurveysAsync(GetEvaluationResponse response, string area, DateOnly firstDay, DateOnly lastDay)
    {
        var surveys = await grains.GetGrain<ISurveyRegisterGrain>(GrainKeys.SurveyRegister).ListAsync(new SurveyFilter
        {
            Area = area,
            SentFrom = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            SentBefore = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        });
        var answers = surveys.Sum(s => s.Answered);
        (response.Surveys, response.SurveyAnswers) = (surveys.Length, answers);
        if (answers > 0)
        {
            response.SurveySatisfaction = (double)surveys.Sum(s => s.ScoreSum) / answers;
        }
    }

    private static DateOnly? Day(FieldViolations violations, string field, string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        violations.Add(field, text.Length == 0 ? "is required (YYYY-MM-DD)" : $"'{(text.Length <= 20 ? text : text[..20])}' is not a day (YYYY-MM-DD)");
        return null;
    }

    private static GetEvaluationResponse ToProto(EvaluationReport report)
    {
        var response = new GetEvaluationResponse
        {
            Opened = report.Opened,
            Registered = report.Registered,
            Closed = report.Closed,
            ReportToDispatchMedian = Minutes(report.ReportToDispatchMedianMinutes),
            ReportToDispatchP90 = Minutes(report.ReportToDispatchP90Minutes),
            DispatchToCloseMedian = Minutes(report.DispatchToCloseMedianMinutes),
            DispatchToCloseP90 = Minutes(report.DispatchToCloseP90Minutes),
            Ratings = report.Ratings,
        };
        Set(report.RegistrationRate, value => response.RegistrationRate = value);
        Set(report.ClosureRate, value => response.ClosureRate = value);
        Set(report.OnTimeClosureRate, value => response.OnTimeClosureRate = value);
        Set(report.ReworkRate, value => response.ReworkRate = value);
        Set(report.PostponementRate, value => response.PostponementRate = value);
        Set(report.MeanSatisfaction, value => response.MeanSatisfaction = value);
        return response;
    }

    private static void Set(double? value, Action<double> set)
    {
        if (value is { } present)
        {
            set(present);
        }
    }

    private static Duration? Minutes(int? minutes) => minutes is { } m ? Duration.FromTimeSpan(TimeSpan.FromMinutes(m)) : null;
}
