using Governance.Cli.Display;
using Governance.Cli.Replay;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Cli.Tests.Replay;

public sealed class PlainProgressLinesTests
{
    [Fact]
    public async Task Show_RedirectedStderr_WritesOnePlainLinePerIntervalAndStopsWithTheReplay()
    {
        var time = new FakeTimeProvider();
        var tally = new ReplayTally(time);
        tally.RowRead(0.5);
        tally.Acknowledged(new Contracts.V1.ReportAck { Outcome = Contracts.V1.ReportOutcome.Created, CaseId = "c" }, []);
        var error = new StringWriter();
        var replay = new TaskCompletionSource();
        var showing = new PlainProgressLines(error, TimeSpan.FromSeconds(5), time).ShowAsync(tally, limit: null, replay.Task);

        await AdvanceUntilAsync(time, () => error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 2);
        replay.SetResult();
        await showing;

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("replay: 50 % 1/~2 rows: 1 created, 0 merged, 0 retries, 0 rejected;", line, StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', error.ToString());
    }

    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done)
    {
        // The display's timer continuation runs on the thread pool: give it a moment after each step of fake time.
        for (var step = 0; step < 200 && !done(); step++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        Assert.True(done());
    }
}
