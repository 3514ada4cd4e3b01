namespace Governance.Grains.Policies;

/// <summary>What a policy's score for a quarter is made from, as read from the live data.</summary>
/// <param name="CaseRatings">Ratings of its tagged cases opened in the quarter.</param>
/// <param name="CaseRatingSum">Their sum (each 1–5).</param>
/// <param name="SurveyAnswers">Answers to its surveys sent in the quarter.</param>
/// <param name="SurveyAnswerSum">Their sum (each 1–5).</param>
/// <param name="AllocatedYuan">Funds allocated to it for the quarter; 0 when none were recorded.</param>
/// <param name="SpentYuan">Funds spent of them.</param>
/// <param name="Complaints">Its tagged cases opened in the quarter.</param>
/// <param name="ResidentsCovered">Residents on file where it runs.</param>
public sealed record PolicyInputs(
    int CaseRatings,
    int CaseRatingSum,
    int SurveyAnswers,
    int SurveyAnswerSum,
    long AllocatedYuan,
    long SpentYuan,
    int Complaints,
    long ResidentsCovered);
