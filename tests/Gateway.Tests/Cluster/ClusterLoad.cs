using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;

namespace Governance.Gateway.Tests.Cluster;

/// <summary>
/// Reports through several gateways until stopped, each worker through its own and, when that fails, the same report
/// through the next, as a client library with several gateway addresses would. Remembers what was acknowledged, and
/// checks afterwards that each acknowledged report has its case, once.
/// </summary>
internal sealed class ClusterLoad : IDisposable
{
    private readonly ConcurrentDictionary<string, (string CaseId, int Through, int Home)> _acked = new(StringComparer.Ordinal);
    private const int ReadAttempts = 20;

    private readonly ConcurrentDictionary<StatusCode, int> _refusals = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string[] _cells;
    private readonly int _gateways;
    private readonly Task[] _workers;

    private ClusterLoad(GrpcChannel[] channels, string[] cells, int workersPerChannel)
    {
        _cells = cells;
        _gateways = channels.Length;
        _workers = [.. Enumerable.Range(0, channels.Length * workersPerChannel)
            .Select(w => Task.Run(() => ReportUntilStoppedAsync(channels, w % channels.Length, w)))];
    }

    /// <summary>Reports acknowledged so far.</summary>
    public int Acknowledged => _acked.Count;

    /// <summary>The statuses of the calls that were not acknowledged (and were retried), and how many of each.</summary>
    public IReadOnlyDictionary<StatusCode, int> Refusals => _refusals;

    public static ClusterLoad Start(GrpcChannel[] channels, string[] cells, int workersPerChannel) => new(channels, cells, workersPerChannel);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    /// <summary>
    /// Every acknowledged report's case is there, read through <paramref name="reading"/>, and is one open case of its
    /// cell, counted once, whoever took it and however often it was retried or replayed.
    /// </summary>
    public async Task AssertEveryAcknowledgedCaseOnceAsync(GrpcChannel reading)
    {
        var cases = new CaseService.CaseServiceClient(reading);
        var missing = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(_acked, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (report, cancellationToken) =>
        {
            // A read may meet what a client would retry on (a pooled connection to a database that restarted).
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var found = await cases.GetCaseAsync(new GetCaseRequest { CaseId = report.Value.CaseId }, cancellationToken: cancellationToken);
                    Assert.Equal(report.Key, found.Case.Reporters[0].ExternalId);
                    break;
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
                {
                    missing.Add(report.Key);
                    break;
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && attempt < ReadAttempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                }
            }
        });
        var byGateway = Enumerable.Range(0, _gateways).Select(g => missing.Count(id => _acked[id].Through == g));
        Assert.True(missing.IsEmpty, $"{missing.Count} of {_acked.Count} acknowledged reports have no case; by the gateway that acknowledged them: "
            + $"{string.Join(", ", byGateway)}; e.g. {string.Join(", ", missing.Take(5))}.");

        var grid = new GridService.GridServiceClient(reading);
        var openCases = new List<string>();
        foreach (var cellId in _cells)
        {
            openCases.AddRange((await grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell.OpenCases.Select(c => c.CaseId));
        }

        var counts = openCases.CountBy(id => id).ToDictionary(StringComparer.Ordinal);
        Assert.All(_acked.Values, acked => Assert.Equal(1, counts.GetValueOrDefault(acked.CaseId)));

        // A retry through another gateway, or a replay, of a report already taken must not open a second case for it.
        var reporters = new ConcurrentBag<(string ExternalId, string CaseId)>();
        await Parallel.ForEachAsync(openCases.Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (caseId, cancellationToken) =>
        {
            var found = await cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, cancellationToken: cancellationToken);
            foreach (var reporter in found.Case.Reporters)
            {
                reporters.Add((reporter.ExternalId, caseId));
            }
        });
        var inTwoCases = reporters.GroupBy(r => r.ExternalId, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        Assert.True(inTwoCases.Count == 0, $"{inTwoCases.Count} reports are in more than one case; e.g. "
            + string.Join("; ", inTwoCases.Take(3).Select(g => $"{g.Key} in {string.Join(", ", g.Select(r => r.CaseId))}")));
    }

    /// <summary>
    /// Reports acknowledged through the gateway at <paramref name="gateway"/> (its index in the channels given) for the
    /// workers whose own gateway is <paramref name="clientsOf"/>.
    /// </summary>
    public int AcknowledgedThrough(int gateway, int clientsOf) => _acked.Values.Count(a => a.Through == gateway && a.Home == clientsOf);

    public void Dispose() => _stop.Dispose();

    private async Task ReportUntilStoppedAsync(GrpcChannel[] channels, int home, int worker)
    {
        var random = new Random(worker);
        var through = home;
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var report = Reports.InCell(_cells[random.Next(_cells.Length)], $"load-{worker}-{n}-{Guid.NewGuid():N}"[..40]);
            // Until acknowledged, or given up once the load stops: an unacknowledged report promises nothing.
            while (true)
            {
                try
                {
                    var ack = await new IntakeService.IntakeServiceClient(channels[through])
                        .ReportAsync(report, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: CancellationToken.None);
                    _acked[report.ExternalId] = (ack.CaseId, through, home);
                    break;
                }
                catch (RpcException ex) when (!_stop.IsCancellationRequested)
                {
                    _refusals.AddOrUpdate(ex.StatusCode, 1, (_, count) => count + 1);
                    through = (through + 1) % channels.Length;
                    await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
                }
                catch (RpcException)
                {
                    break;
                }
            }
        }
    }
}
