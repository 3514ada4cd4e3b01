using Governance.Contracts.V1;
using Governance.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Gateway.Tests.Risk;

/// <summary>
/// Promotions while households are being scored: every call is answered, each wholly by one model version, with that
/// version's scores exactly; and a promotion recorded by another silo is picked up by polling.
/// </summary>
public sealed class HotSwapTests(RiskHostFixture fixture) : IClassFixture<RiskHostFixture>
{
    private static readonly StormForecast Storm = new() { RainfallMm24H = 150, DurationHours = 8 };

    [Fact]
    public async Task ScoringUnderPromotions_NeverFails_AndNeverMixesModels()
    {
        var risk = fixture.Risk;
        var ids = await fixture.HouseholdsAsync(200);
        var v1 = (await ModelUploads.RegisterAsync(risk, ModelUploads.UploadOf(ModelUploads.Train(seed: 11)), ModelUploads.Train(seed: 11).Scorer.Save())).Version;
        var v2 = (await ModelUploads.RegisterAsync(risk, ModelUploads.UploadOf(ModelUploads.Train(seed: 12)), ModelUploads.Train(seed: 12).Scorer.Save())).Version;
        var request = new ScoreHouseholdsRequest { HouseholdIds = { ids }, Forecast = Storm };
        var expected = new Dictionary<long, double[]>();
        foreach (var version in new[] { v1, v2 })
        {
            await risk.PromoteModelAsync(new PromoteModelRequest { Version = version });
            expected[version] = [.. (await risk.ScoreHouseholdsAsync(request)).Scores.Select(s => s.Probability)];
        }

        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<long, int>();
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        var scorers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var answer = await risk.ScoreHouseholdsAsync(request);
                seen.AddOrUpdate(answer.ModelVersion, 1, (_, n) => n + 1);
                if (!expected.TryGetValue(answer.ModelVersion, out var scores) || !scores.SequenceEqual(answer.Scores.Select(s => s.Probability)))
                {
                    mismatches.Add($"version {answer.ModelVersion} answered other scores");
                }
            }
        })).ToList();
        for (var swap = 0; swap < 30; swap++)
        {
            await risk.PromoteModelAsync(new PromoteModelRequest { Version = swap % 2 == 0 ? v1 : v2 });
            await Task.Delay(40);
        }

        await stop.CancelAsync();
        await Task.WhenAll(scorers);

        Assert.Empty(mismatches);
        Assert.Equal([v1, v2], seen.Keys.Order());
        Assert.All(seen.Values, calls => Assert.True(calls >= 3, $"only {calls} calls answered by one of the versions"));
    }

    [Fact]
    public async Task APromotionMadeElsewhere_IsServedWithinThePollPeriod()
    {
        var risk = fixture.Risk;
        var ids = await fixture.HouseholdsAsync(5);
        var version = (await ModelUploads.RegisterAsync(risk, ModelUploads.UploadOf(ModelUploads.Train(seed: 21, trees: 5)), ModelUploads.Train(seed: 21, trees: 5).Scorer.Save())).Version;
        var store = fixture.Host.Services.GetRequiredService<IRiskModelStore>();

        // As another silo would: straight into the registry, without telling this silo.
        await store.AddPromotionAsync(new RiskPromotion(version, false, "another-silo", DateTimeOffset.UtcNow));
        var served = 0L;
        for (var look = 0; look < 50 && served != version; look++)
        {
            await Task.Delay(100);
            try
            {
                served = (await risk.ScoreHouseholdsAsync(new ScoreHouseholdsRequest { HouseholdIds = { ids }, Forecast = Storm })).ModelVersion;
            }
            catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
            {
                // Nothing served yet on this silo: the first model it ever serves may be this one.
            }
        }

        Assert.Equal(version, served);
    }
}
