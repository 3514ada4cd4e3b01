using System.Collections.Immutable;
using System.Text.Json;
using Governance.Contracts;
using Governance.Contracts.Evaluation;
using Governance.Grains.Tests.Infrastructure;

namespace Governance.Grains.Tests.Evaluation;

/// <summary>
/// After a storm's first cases every cell of a community pushes its tallies at the same moment: the roll-up takes them
/// all and stores them, in a few writes rather than one a child (each of a state that grows with every child).
/// </summary>
[Collection(EvaluationClusterCollection.Name)]
public sealed class EvaluationWriteSharingTests(EvaluationClusterFixture fixture)
{
    private const int Children = 40;

    // Long before the scripted day of the other tests in this cluster, so that their figures are not touched.
    private static readonly DateOnly Day = new(2001, 3, 15);

    [Fact]
    public async Task ChildrenPushingAtOnce_AreAllStored_InAFewSharedWrites()
    {
        const string department = "city-management";
        var key = GrainKeys.DepartmentEvaluation(department);
        var rollUp = fixture.Grains.DepartmentEvaluation(department);
        var (versionBefore, _) = await fixture.StoredStateAsync("evaluation", key);

        await Task.WhenAll(Enumerable.Range(0, Children).Select(i =>
            rollUp.ReceiveAsync($"child-{i}", [Day], [new DayTally { Day = Day, Department = department, Opened = 1, Registered = i % 2 }])));

        var (versionAfter, json) = await fixture.StoredStateAsync("evaluation", key);
        var writes = versionAfter - versionBefore;
        Assert.InRange(writes, 1, Children / 4);
        // Every push returned, so every child's tally is in what was stored.
        var stored = JsonDocument.Parse(json!).RootElement.GetProperty("Tallies").EnumerateArray()
            .Where(entry => entry.GetProperty("Tally").GetProperty("Day").GetString() == "2001-03-15")
            .Select(entry => entry.GetProperty("Child").GetString()!)
            .ToHashSet();
        Assert.Equal(Enumerable.Range(0, Children).Select(i => $"child-{i}").ToHashSet(), stored);
        var report = await rollUp.EvaluateAsync(Day, Day);
        Assert.Equal((Children, Children / 2), (report!.Opened, report.Registered));
    }
}
