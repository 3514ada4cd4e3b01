using Governance.Contracts.Deadlines;
using Governance.Contracts.Welfare;
using Governance.Grains.Routing;
using Governance.TestSupport;

namespace Governance.Grains.Tests;

public sealed class RoutingRulesTests
{
    [Theory]
    [InlineData("road.pothole", "roads")]
    [InlineData("water.main-burst", "water")]
    [InlineData("flood.water-level-alarm", "flood-control")]
    [InlineData("street-light-outages", "lighting")]
    [InlineData("noise", "environment")]
    [InlineData("roadworks", "city-management")]
    [InlineData("graffiti-removal", "city-management")]
    public void TheDemoRules_RouteByExactCode_ThenPrefix_ThenDefault(string category, string department)
    {
        Assert.Equal(department, RoutingRules.Demo().Route(category));
    }

    [Fact]
    public void TheLongestPrefix_Wins()
    {
        using var folder = new TempFolder("routing");
        var path = Write(folder, """
            { "departments": [ { "code": "a" }, { "code": "b" } ], "default": "a",
              "rules": [ { "category": "water.*", "department": "a" }, { "category": "water.main.*", "department": "b" } ] }
            """);

        var rules = RoutingRules.Load(path);

        Assert.Equal(("b", "a", "a"), (rules.Route("water.main.burst"), rules.Route("water.leak"), rules.Route("noise")));
    }

    [Fact]
    public void AFileInError_IsRefusedWhole_NamingEveryEntryThatIsWrong()
    {
        using var folder = new TempFolder("routing");
        var path = Write(folder, """
            { "departments": [ { "code": "roads" }, { "code": "roads" } ], "default": "parks",
              "rules": [ { "category": "road.*", "department": "roads" }, { "category": "noise", "department": "police" },
                         { "category": "road.*", "department": "roads" }, { "category": "*.light", "department": "roads" } ] }
            """);

        var error = Assert.Throws<InvalidDataException>(() => RoutingRules.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("departments[1].code: 'roads' is empty or listed twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("default: 'parks' is not a listed department", error.Message, StringComparison.Ordinal);
        Assert.Contains("rules[1].department: 'police' is not a listed department", error.Message, StringComparison.Ordinal);
        Assert.Contains("rules[2].category: 'road.*' is empty, listed twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("rules[3].category: '*.light'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_OrUnknownKeys_AreRefusedWithTheReason()
    {
        using var folder = new TempFolder("routing");
        var missing = Assert.Throws<InvalidDataException>(() => RoutingRules.Load(Path.Combine(folder.Path, "none.json")));
        var unknownKey = Assert.Throws<InvalidDataException>(() => RoutingRules.Load(Write(folder, """{ "departments": [], "defualt": "a" }""")));

        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Contains("defualt", unknownKey.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("noise", DeadlineKind.Immediate, "2h")]
    [InlineData("flood.water-level-alarm", DeadlineKind.Immediate, "1h")]
    [InlineData("road.pothole", DeadlineKind.Committed, "5d")]
    [InlineData("building.unsafe", DeadlineKind.Coordinated, "10d")]
    [InlineData("graffiti-removal", DeadlineKind.Committed, "3d")]
    public void TheDemoRules_GiveEachCategoryAKindOfDeadline_AndItsLimit(string category, DeadlineKind kind, string limit)
    {
        Assert.Equal(new DeadlineRule(kind, DurationText.Parse(limit)!.Value), RoutingRules.Demo().Deadline(category));
    }

    [Fact]
    public void ARuleWithoutItsOwnLimit_TakesItsKindsLimit_AndAFileWithoutDeadlines_TheBuiltInOnes()
    {
        using var folder = new TempFolder("routing");
        var withLimits = RoutingRules.Load(Write(folder, """
            { "departments": [ { "code": "a" } ], "default": "a", "deadlines": { "immediate": "30m", "Coordinated": "20d" },
              "defaultDeadline": "coordinated", "escalation": [ "the street office" ],
              "rules": [ { "category": "noise", "department": "a", "deadline": "immediate" },
                         { "category": "road.*", "department": "a", "deadline": "immediate", "limit": "90s" } ] }
            """));
        var without = RoutingRules.Load(Write(folder, """{ "departments": [ { "code": "a" } ], "default": "a" }"""));

        Assert.Equal(new DeadlineRule(DeadlineKind.Immediate, TimeSpan.FromMinutes(30)), withLimits.Deadline("noise"));
        Assert.Equal(new DeadlineRule(DeadlineKind.Immediate, TimeSpan.FromSeconds(90)), withLimits.Deadline("road.hole"));
        Assert.Equal(new DeadlineRule(DeadlineKind.Coordinated, TimeSpan.FromDays(20)), withLimits.Deadline("graffiti"));
        Assert.Equal(["the street office"], withLimits.Escalation.ToArray());
        Assert.Equal(new DeadlineRule(DeadlineKind.Committed, TimeSpan.FromDays(3)), without.Deadline("noise"));
        Assert.Equal(2, without.Escalation.Length);
    }

    [Fact]
    public void DeadlinesInError_AreRefused_NamingEachEntry()
    {
        using var folder = new TempFolder("routing");
        var path = Write(folder, """
            { "departments": [ { "code": "a" } ], "default": "a", "deadlines": { "urgent": "1h", "committed": "-2d" },
              "defaultDeadline": "soon", "escalation": [],
              "rules": [ { "category": "noise", "department": "a", "deadline": "immediate,committed" },
                         { "category": "road.*", "department": "a", "limit": "3 days" } ] }
            """);

        var error = Assert.Throws<InvalidDataException>(() => RoutingRules.Load(path));

        Assert.Contains("deadlines.urgent: not a kind of deadline; one of immediate, committed, coordinated", error.Message, StringComparison.Ordinal);
        Assert.Contains("deadlines.committed: '-2d' is not a duration", error.Message, StringComparison.Ordinal);
        Assert.Contains("defaultDeadline: 'soon' is not a kind of deadline", error.Message, StringComparison.Ordinal);
        Assert.Contains("escalation: list at least one level", error.Message, StringComparison.Ordinal);
        Assert.Contains("rules[0].deadline: 'immediate,committed' is not a kind of deadline", error.Message, StringComparison.Ordinal);
        Assert.Contains("rules[1].limit: '3 days' is not a duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MediationLevels_AreThreeListedDepartmentsWithTheirTimes_OrTheDefaultDepartmentAtEach()
    {
        using var folder = new TempFolder("routing");
        var wrong = Write(folder, """
            { "departments": [ { "code": "a" } ], "default": "a",
              "mediation": [ { "department": "a", "limit": "3d" }, { "department": "court", "limit": "soon" } ] }
            """);

        var error = Assert.Throws<InvalidDataException>(() => RoutingRules.Load(wrong));
        var none = RoutingRules.Load(Write(folder, """{ "departments": [ { "code": "a" } ], "default": "a" }"""));

        Assert.Contains("mediation: list 3 levels (grid worker, community committee, street centre), not 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("mediation[1].department: 'court' is not a listed department", error.Message, StringComparison.Ordinal);
        Assert.Contains("mediation[1].limit: 'soon' is not a duration", error.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "a", "a"], none.Mediation.Select(level => level.Department));
        Assert.Equal(["grid-mediation", "community-mediation", "street-centre"], RoutingRules.Demo().Mediation.Select(level => level.Department));
        Assert.Equal(TimeSpan.FromDays(15), RoutingRules.Demo().Mediation[1].Deadline.Limit);
    }

    [Fact]
    public void TheWelfareSection_NamesKnownDocumentsAndDepartments_AndItsTimes_OrEachWrongEntryIsRefused()
    {
        using var folder = new TempFolder("routing");
        var wrong = Write(folder, """
            { "departments": [ { "code": "a" }, { "code": "b" } ], "default": "a",
              "welfare": { "requiredDocuments": [ "id_card", "passport" ], "approvers": [ "b", "tax", "b" ], "approvalLimit": "10d",
                           "firstReview": { "department": "a", "limit": "15d" }, "secondReview": { "department": "c", "limit": "10d" },
                           "noticePeriod": "a week" } }
            """);

        var error = Assert.Throws<InvalidDataException>(() => RoutingRules.Load(wrong));
        var none = RoutingRules.Load(Write(folder, """{ "departments": [ { "code": "a" } ], "default": "a" }"""));
        var demo = RoutingRules.Demo().Welfare;

        Assert.Contains("welfare.requiredDocuments: 'passport' is not a document kind", error.Message, StringComparison.Ordinal);
        Assert.Contains("welfare.approvers[1]: 'tax' is not a listed department", error.Message, StringComparison.Ordinal);
        Assert.Contains("welfare.approvers[2]: 'b' is not a listed department, or is listed twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("welfare.secondReview.department: 'c' is not a listed department", error.Message, StringComparison.Ordinal);
        Assert.Contains("welfare.noticePeriod: 'a week' is not a duration", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("firstReview", error.Message, StringComparison.Ordinal);
        Assert.Equal([DocumentKind.IdCard, DocumentKind.HouseholdRegister, DocumentKind.IncomeProof], none.Welfare.RequiredDocuments.ToArray());
        Assert.Equal((0, "a"), (none.Welfare.Approvers.Length, none.Welfare.FirstReview.Department));
        Assert.Equal(["human-resources", "housing", "public-security", "market-regulation"], demo.Approvers.ToArray());
        Assert.Equal(("street-office", "civil-affairs", TimeSpan.FromDays(7)), (demo.FirstReview.Department, demo.SecondReview.Department, demo.NoticePeriod));
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1_800)]
    [InlineData("1.5h", 5_400)]
    [InlineData("3d", 259_200)]
    public void Durations_ReadAsANumberAndAUnit(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationText.Parse(text));
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationText.Parse(DurationText.Format(TimeSpan.FromSeconds(seconds))));
    }

    [Theory]
    [InlineData("0h")]
    [InlineData("3")]
    [InlineData("h")]
    [InlineData("2w")]
    [InlineData("1e3s")]
    public void Durations_NotANumberAndAUnit_OrNotMoreThanZero_AreNone(string text)
    {
        Assert.Null(DurationText.Parse(text));
    }

    private static string Write(TempFolder folder, string json)
    {
        var path = Path.Combine(folder.Path, $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
