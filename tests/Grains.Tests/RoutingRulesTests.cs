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

    private static string Write(TempFolder folder, string json)
    {
        var path = Path.Combine(folder.Path, $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
