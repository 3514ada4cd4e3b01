using Governance.Grains.Evaluation;

namespace Governance.Grains.Tests.Evaluation;

/// <summary>A roll-up's days to push up, when children's pushes come in while its own push is on the way.</summary>
public sealed class UnpushedDaysTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    [Fact]
    public void PushedDays_AreDone_InTheStoredSetToo()
    {
        var stored = new HashSet<DateOnly>();
        var days = new UnpushedDays(stored);
        days.Changed([Tuesday, Monday]);

        var (taken, asOf) = days.Take();
        days.Pushed(taken, asOf);

        Assert.Equal([Monday, Tuesday], taken);
        Assert.Equal(0, days.Count);
        Assert.Empty(stored);
    }

    [Fact]
    public void ADayChangedWhilePushing_StaysUnpushed_AndTheOthersAreDone()
    {
        var stored = new HashSet<DateOnly>();
        var days = new UnpushedDays(stored);
        days.Changed([Monday, Tuesday]);
        var (taken, asOf) = days.Take();

        // A child's push of Monday lands while Monday's earlier tally is on its way up.
        days.Changed([Monday]);
        days.Pushed(taken, asOf);

        Assert.Equal([Monday], stored);
        var (again, asOfAgain) = days.Take();
        Assert.Equal([Monday], again);
        Assert.Equal(asOf + 1, asOfAgain);
    }

    [Fact]
    public void DaysStoredByAnEarlierActivation_ArePushed()
    {
        var stored = new HashSet<DateOnly> { Monday };
        var days = new UnpushedDays(stored);

        var (taken, asOf) = days.Take();
        days.Pushed(taken, asOf);

        Assert.Equal([Monday], taken);
        Assert.Empty(stored);
    }
}
