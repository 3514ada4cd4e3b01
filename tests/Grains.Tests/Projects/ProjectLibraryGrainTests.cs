using Governance.Contracts.Projects;
using Governance.Grains.Tests.Infrastructure;

namespace Governance.Grains.Tests.Projects;

/// <summary>The project library grain: added and stored, listed by priority and filtered, changed only from the version read.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ProjectLibraryGrainTests(GrainClusterFixture fixture)
{
    // Each test has a library of its own; the grain does not depend on its key.
    private IProjectLibraryGrain NewLibrary() => fixture.Grains.GetGrain<IProjectLibraryGrain>($"projects:test-{Guid.NewGuid():N}");

    [Fact]
    public async Task Projects_AreListedHighPriorityFirst_ThenLargerBudget_AndFilteredByStatusAreaAndPriority()
    {
        var library = NewLibrary();
        var westCell = fixture.City.CellsInArea("tc-west")[0].Code;
        var a = await library.AddAsync(Draft("Ditch", ProjectPriority.Low, 5_000, ProjectStatus.Planned, "tc-west"));
        var b = await library.AddAsync(Draft("Lights", ProjectPriority.High, 1_000, ProjectStatus.InProgress, westCell));
        var c = await library.AddAsync(Draft("Road", ProjectPriority.High, 9_000, ProjectStatus.Planned, "tc-east"));
        var d = await library.AddAsync(Draft("Toilets", ProjectPriority.Medium, 2_000, ProjectStatus.Done, "tc"));
        var e = await library.AddAsync(Draft("Benches", ProjectPriority.High, 1_000, ProjectStatus.Planned, "tc-east"));

        var all = await library.ListAsync(new ProjectQuery());
        var planned = await library.ListAsync(new ProjectQuery { Status = ProjectStatus.Planned });
        var west = await library.ListAsync(new ProjectQuery { Area = "tc-west" });
        var inCell = await library.ListAsync(new ProjectQuery { Area = westCell });
        var highInEast = await library.ListAsync(new ProjectQuery { Area = "tc-east", Priority = ProjectPriority.High });

        // High: Road 9,000, then Lights and Benches at 1,000 in the order added; Medium: Toilets; Low: Ditch.
        Assert.Equal([c.ProjectId, b.ProjectId, e.ProjectId, d.ProjectId, a.ProjectId], all.Select(p => p.ProjectId).ToArray());
        Assert.Equal([c.ProjectId, e.ProjectId, a.ProjectId], planned.Select(p => p.ProjectId).ToArray());
        // The west's own project and the one in its cell; the district's serves more than the west, so it is not listed.
        Assert.Equal([b.ProjectId, a.ProjectId], west.Select(p => p.ProjectId).ToArray());
        Assert.Equal([b.ProjectId], inCell.Select(p => p.ProjectId).ToArray());
        Assert.Equal([c.ProjectId, e.ProjectId], highInEast.Select(p => p.ProjectId).ToArray());
        Assert.Equal(["prj-1", "prj-2", "prj-3", "prj-4", "prj-5"], new[] { a, b, c, d, e }.Select(p => p.ProjectId).ToArray());
    }

    [Fact]
    public async Task AnUpdate_FromTheVersionRead_IsMade_AndFromAnOlderOne_ChangesNothing()
    {
        var library = NewLibrary();
        var added = await library.AddAsync(Draft("Ditch", ProjectPriority.Low, 5_000, ProjectStatus.Planned, "tc-west"));

        var started = await library.UpdateAsync(added.ProjectId, 1, added.Draft with { Status = ProjectStatus.InProgress });
        var stale = await library.UpdateAsync(added.ProjectId, 1, added.Draft with { BudgetYuan = 1 });
        var missing = await library.UpdateAsync("prj-99", 1, added.Draft);
        var read = await library.GetAsync(added.ProjectId);

        Assert.Equal((ProjectOutcome.Made, 2, ProjectStatus.InProgress), (started.Outcome, started.Project!.Version, started.Project.Draft.Status));
        Assert.Equal(ProjectOutcome.Stale, stale.Outcome);
        Assert.Contains("version 2, not 1", stale.Reason, StringComparison.Ordinal);
        Assert.Equal(ProjectOutcome.NotFound, missing.Outcome);
        Assert.Equal((2, 5_000L, ProjectStatus.InProgress), (read!.Version, read.Draft.BudgetYuan, read.Draft.Status));
    }

    [Fact]
    public async Task TheLibrary_IsStored_AndReadBackAfterItsGrainIsGone()
    {
        var key = $"projects:test-{Guid.NewGuid():N}";
        var library = fixture.Grains.GetGrain<IProjectLibraryGrain>(key);
        var added = await library.AddAsync(Draft("Ditch", ProjectPriority.Low, 5_000, ProjectStatus.Planned, "tc-west"));

        await fixture.Cluster.DeactivateAsync(library);
        var again = await fixture.Grains.GetGrain<IProjectLibraryGrain>(key).GetAsync(added.ProjectId);
        var next = await fixture.Grains.GetGrain<IProjectLibraryGrain>(key).AddAsync(Draft("Road", ProjectPriority.High, 1, ProjectStatus.Planned, "tc"));

        Assert.Equal(added, again);
        Assert.Equal("prj-2", next.ProjectId);
    }

    private static ProjectDraft Draft(string name, ProjectPriority priority, long yuan, ProjectStatus status, string area) =>
        new(name, priority, yuan, status, area, "head-of-works");
}
