using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Governance.City.Map;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Gateway.Tests.Console;

/// <summary>
/// The console's policies view in headless Chromium: three policies of our own whose scores differ only by the share of
/// their funds spent, drawn as bars in rank order with widths in proportion to their scores (checked on a screenshot),
/// re-weighted from the form, a refused quarter named, and a policy's last eight quarters on a click. The host's register
/// may hold other policies: the assertions are on ours, found by their ids, and on their order among themselves.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PolicyViewTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private const string Bars = "#policy-view svg.ranking g.bar";

    // Spent of 100,000 allocated, best first: fund use 0.9, 0.5 and 0.1.
    private static readonly long[] Spent = [90_000, 50_000, 10_000];

    // The first policy's scores by fund use alone: nothing recorded the quarter before (neutral), 0.9 this quarter.
    private static readonly double[] FundUseLastTwoQuarters = [0.5, 0.9];

    private static int _sequence;

    private GatewayHost Host => fixture.Host;

    private PolicyService.PolicyServiceClient Policies => new(Host.Channel);

    private static string ThisQuarter
    {
        get
        {
            var now = DateTime.UtcNow;
            return $"{now.Year}-Q{((now.Month - 1) / 3) + 1}";
        }
    }

    [SkippableFact]
    public async Task TheRanking_IsDrawnAsBarsInRankOrder_InProportionToTheScores_AndReweightedFromTheForm()
    {
        var ids = await DefineThreePoliciesAsync();
        var ranked = await Policies.RankPoliciesAsync(new RankPoliciesRequest { Quarter = ThisQuarter });
        var mine = ids.Select(id => ranked.Scores.Single(s => s.PolicyId == id)).ToList();
        await using var console = await fixture.SignedInAsync("analyst-policies", Roles.Analyst);

        // Opening the view scores the current quarter with the configured weights.
        await console.ClickAsync("#views button[data-view=policies]");
        var quarter = await console.Page.EvaluateAsync<string>("document.querySelector('#policy-view input[name=quarter]').value");
        var bars = await WaitForBarsAsync(console, ids, bars => bars.Count == ids.Length);
        var all = await console.Page.EvaluateAsync<List<string>>($"[...document.querySelectorAll('{Bars}')].map(g => g.dataset.score)");
        var labels = await console.Page.EvaluateAsync<List<string>>($"[...document.querySelectorAll('{Bars} text.label')].map(t => t.textContent)");
        var weightsShown = await console.TextAsync("#policy-view .weights");
        var rows = await console.DataOfAllAsync("#policy-view table.policies tbody tr", "policyId");
        var shot = await console.Page.ScreenshotAsync();
        var colour = await console.Page.EvaluateAsync<string>("import('/console/js/policy-view.js').then(m => m.barColour)");

        // Satisfaction neutral (no ratings or answers), no complaints where residents are on file: 0.4 × 0.5 + 0.3 × fund use.
        Assert.Equal(ThisQuarter, quarter);
        Assert.All(mine, s => Assert.True(s.ComplaintsKnown && s.ResidentsCovered > 0 && s.FundUseKnown && !s.SatisfactionKnown, $"{s}"));
        Assert.Equal(Spent.Select(spent => (0.4 * 0.5) + (0.3 * (spent / 100_000.0))), mine.Select(s => s.Score), new Tolerance(1e-12));
        Assert.Equal(ids, bars.Select(b => b.PolicyId));
        Assert.Equal(mine.Select(s => s.Score), bars.Select(b => b.ScoreValue));
        Assert.Equal(mine.Select(s => s.Score.ToString("F3", CultureInfo.InvariantCulture)), bars.Select(b => b.Value));
        Assert.Equal(mine.Select(s => $"{s.Rank}. {s.Name}"), bars.Select(b => b.Label));
        // Every bar of the register, best first, numbered from 1.
        Assert.Equal(all.Select(Parse).OrderDescending(), all.Select(Parse));
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => $"{i}. "), labels.Select(l => l[..(l.IndexOf(' ', StringComparison.Ordinal) + 1)]));
        Assert.Equal(ranked.Scores.Select(s => s.PolicyId), rows);
        AssertProportional(bars);
        Assert.Equal("Weights used: satisfaction 0.4, fund use 0.3, complaints -0.3.", weightsShown);
        Assert.All(bars, b => Assert.Equal(colour, b.Fill));
        Assert.All(bars, b => Assert.Equal(ConsoleDriver.Colour(colour), shot.PixelAt((int)b.CentreX, (int)b.CentreY)));

        // Fund use alone: the scores are the shares spent.
        await ScoreWithWeightsAsync(console, "0", "1", "0");
        var byFunds = await WaitForBarsAsync(console, ids, bars => bars.Count == ids.Length && bars[0].ScoreValue > 0.89);
        var fundsShown = await console.TextAsync("#policy-view .weights");
        var fundsOverGrpc = await Policies.RankPoliciesAsync(new RankPoliciesRequest { Quarter = ThisQuarter, Weights = new PolicyWeights { FundUse = 1 } });
        var fundShot = await console.Page.ScreenshotAsync();

        Assert.Equal(ids, byFunds.Select(b => b.PolicyId));
        Assert.Equal(Spent.Select(spent => spent / 100_000.0), byFunds.Select(b => b.ScoreValue), new Tolerance(1e-12));
        Assert.Equal(ids.Select(id => fundsOverGrpc.Scores.Single(s => s.PolicyId == id).Score), byFunds.Select(b => b.ScoreValue));
        Assert.Equal("Weights used: satisfaction 0, fund use 1, complaints 0.", fundsShown);
        AssertProportional(byFunds);
        Assert.All(byFunds, b => Assert.Equal(ConsoleDriver.Colour(colour), fundShot.PixelAt((int)b.CentreX, (int)b.CentreY)));

        // Against spending: the order turns round, and the bars grow left from the zero line in the negative colour.
        await ScoreWithWeightsAsync(console, "0", "-1", "0");
        var against = await WaitForBarsAsync(console, ids, bars => bars.Count == ids.Length && bars.All(b => b.ScoreValue < 0));
        var zero = await console.Page.EvaluateAsync<double>("document.querySelector('#policy-view svg.ranking line.zero').getBoundingClientRect().x");
        var negative = await console.Page.EvaluateAsync<string>("import('/console/js/policy-view.js').then(m => m.negativeColour)");
        var againstShot = await console.Page.ScreenshotAsync();

        Assert.Equal(Enumerable.Reverse(ids), against.Select(b => b.PolicyId));
        Assert.Equal(Enumerable.Reverse(Spent).Select(spent => -spent / 100_000.0), against.Select(b => b.ScoreValue), new Tolerance(1e-12));
        AssertProportional(against);
        Assert.All(against, b => Assert.Equal(zero, b.Right, 0.6));
        Assert.All(against, b => Assert.Equal(ConsoleDriver.Colour(negative), againstShot.PixelAt((int)b.CentreX, (int)b.CentreY)));
        Assert.Empty(console.Page.ConsoleErrors);
    }

    [SkippableFact]
    public async Task ABadQuarter_IsNamed_AndABarShowsItsPolicysLastEightQuarters()
    {
        var ids = await DefineThreePoliciesAsync();
        var history = await Policies.GetPolicyHistoryAsync(new GetPolicyHistoryRequest
        {
            PolicyId = ids[0], FirstQuarter = QuartersBefore(ThisQuarter, 7), LastQuarter = ThisQuarter,
        });
        await using var console = await fixture.SignedInAsync("dispatcher-policies", Roles.Dispatcher);
        await console.ClickAsync("#views button[data-view=policies]");
        await WaitForBarsAsync(console, ids, bars => bars.Count == ids.Length);

        await console.TypeIntoAsync("#policy-view input[name=quarter]", "2026-Q5");
        await console.ClickAsync("#policy-view form button");
        var refusal = await console.WaitForTextAsync("#policy-view .message .error", t => t.Length > 0);
        var field = await console.TextAsync("#policy-view .message .error li code");
        var barsLeft = await console.Page.EvaluateAsync<int>($"document.querySelectorAll('{Bars}').length");

        await console.TypeIntoAsync("#policy-view input[name=quarter]", ThisQuarter);
        await console.ClickAsync("#policy-view form button");
        await WaitForBarsAsync(console, ids, bars => bars.Count == ids.Length);
        await console.ClickAsync($"{Bars}[data-policy-id=\"{ids[0]}\"] rect");
        var quarters = await console.Page.WaitForAsync<List<string>>(
            "[...document.querySelectorAll('#policy-view .history g.bar')].map(g => g.dataset.quarter)", q => q.Count > 0, ConsoleDriver.Patience);
        var scores = await console.DataOfAllAsync("#policy-view .history g.bar", "score");
        var title = await console.TextAsync("#policy-view .history h3");
        var selected = await console.DataOfAllAsync("#policy-view .selected", "policyId");

        // A row does the same for its policy.
        await console.ClickAsync($"#policy-view table.policies tr[data-policy-id=\"{ids[2]}\"] td:nth-child(2)");
        var other = await console.WaitForTextAsync("#policy-view .history h3", t => t.StartsWith(NameOf(ids[2]), StringComparison.Ordinal));
        var otherCount = await console.Page.EvaluateAsync<int>("document.querySelectorAll('#policy-view .history g.bar').length");

        Assert.Equal("quarter", field);
        Assert.Contains("2026-Q3", refusal, StringComparison.Ordinal);
        Assert.Equal(0, barsLeft);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => QuartersBefore(ThisQuarter, 7 - i)), quarters);
        Assert.Equal(history.Quarters.Select(q => q.Quarter), quarters);
        Assert.Equal(history.Quarters.Select(q => q.Score), scores.Select(Parse));
        // Before this quarter it had no funds recorded: neutral satisfaction and fund use, no complaints: 0.2 + 0.15;
        // this quarter 0.9 of them spent.
        Assert.All(scores.SkipLast(1).Select(Parse), s => Assert.Equal(0.35, s, 12));
        Assert.Equal(0.2 + (0.3 * 0.9), Parse(scores[^1]), 12);
        Assert.Equal($"{NameOf(ids[0])}: the last 8 quarters", title);
        Assert.Equal([ids[0], ids[0]], selected);
        Assert.Equal($"{NameOf(ids[2])}: the last 8 quarters", other);
        Assert.Equal(8, otherCount);
        // Only the refusal of the bad quarter.
        Assert.Equal([400], console.Page.ConsoleErrors.Select(e => e.Contains("status of 400", StringComparison.Ordinal) && e.Contains("/v1/policy-scores/2026-Q5", StringComparison.Ordinal) ? 400 : 0));
    }

    [Fact]
    public async Task TheScoresRoute_TakesTheWeightsAsNestedQueryParameters_ByTheirJsonOrProtoNames()
    {
        var ids = await DefineThreePoliciesAsync();
        using var web = Host.WebClient();

        var byJsonName = await ScoresOverJsonAsync(web, $"/v1/policy-scores/{ThisQuarter}?weights.satisfaction=0&weights.fundUse=1&weights.complaints=0");
        var byProtoName = await ScoresOverJsonAsync(web, $"/v1/policy-scores/{ThisQuarter}?weights.fund_use=1");
        var configured = await ScoresOverJsonAsync(web, $"/v1/policy-scores/{ThisQuarter}");
        var history = await ScoresOverJsonAsync(web, $"/v1/policies/{ids[0]}/history?firstQuarter={QuartersBefore(ThisQuarter, 1)}&lastQuarter={ThisQuarter}&weights.fundUse=1");

        var weights = byJsonName.RootElement.GetProperty("weights");
        Assert.Equal((0.0, 1.0, 0.0), (weights.GetProperty("satisfaction").GetDouble(), weights.GetProperty("fundUse").GetDouble(), weights.GetProperty("complaints").GetDouble()));
        Assert.Equal(Spent.Select(spent => spent / 100_000.0), ids.Select(id => ScoreOf(byJsonName, "scores", id)), new Tolerance(1e-12));
        Assert.Equal(ids.Select(id => ScoreOf(byJsonName, "scores", id)), ids.Select(id => ScoreOf(byProtoName, "scores", id)));
        Assert.Equal(0.4, configured.RootElement.GetProperty("weights").GetProperty("satisfaction").GetDouble());
        // The quarter before had no funds: fund use is the neutral 0.5.
        Assert.Equal(FundUseLastTwoQuarters, history.RootElement.GetProperty("quarters").EnumerateArray().Select(q => q.GetProperty("score").GetDouble()), new Tolerance(1e-12));
    }

    /// <summary>Three policies over demo-city communities, with 100,000 allocated this quarter and 90,000, 50,000 and 10,000 spent.</summary>
    private async Task<string[]> DefineThreePoliciesAsync()
    {
        var city = Host.Services.GetRequiredService<CityMap>();
        var communities = city.Areas.Where(a => a.Level == Governance.City.Map.AreaLevel.Community).Select(a => a.Code).ToList();
        var batch = $"{Interlocked.Increment(ref _sequence)}{Guid.NewGuid():N}"[..10];
        var ids = new string[Spent.Length];
        for (var i = 0; i < Spent.Length; i++)
        {
            ids[i] = $"console-{batch}-{i}";
            await Policies.DefinePolicyAsync(new DefinePolicyRequest { PolicyId = ids[i], Name = NameOf(ids[i]), Areas = { communities[i % communities.Count] } });
            await Policies.RecordPolicyFundsAsync(new RecordPolicyFundsRequest
            {
                PolicyId = ids[i], Funds = new PolicyFunds { Quarter = ThisQuarter, AllocatedYuan = 100_000, SpentYuan = Spent[i] },
            });
        }

        return ids;
    }

    private static string NameOf(string policyId) => $"Policy {policyId[^12..]}";

    private async Task<JsonDocument> ScoresOverJsonAsync(HttpClient web, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Host.TokenFor("analyst-json", Roles.Analyst));
        using var answer = await web.SendAsync(request);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, $"{path}: {answer.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    private static double ScoreOf(JsonDocument document, string list, string policyId) =>
        document.RootElement.GetProperty(list).EnumerateArray().Single(s => s.GetProperty("policyId").GetString() == policyId).GetProperty("score").GetDouble();

    private static async Task ScoreWithWeightsAsync(ConsoleDriver console, string satisfaction, string fundUse, string complaints)
    {
        await console.TypeIntoAsync("#policy-view input[name=satisfaction]", satisfaction);
        await console.TypeIntoAsync("#policy-view input[name=fundUse]", fundUse);
        await console.TypeIntoAsync("#policy-view input[name=complaints]", complaints);
        await console.ClickAsync("#policy-view form button");
    }

    /// <summary>Our policies' bars, in the order drawn, with the chart scrolled into view.</summary>
    private static Task<List<Bar>> WaitForBarsAsync(ConsoleDriver console, string[] policyIds, Func<List<Bar>, bool> until) =>
        console.Page.WaitForAsync($$"""
            (() => {
              const ids = {{JsonSerializer.Serialize(policyIds)}};
              document.querySelector('#policy-view svg.ranking')?.scrollIntoView({ block: 'start' });
              return [...document.querySelectorAll('{{Bars}}')].filter(g => ids.includes(g.dataset.policyId)).map(g => {
                const rect = g.querySelector('rect'), r = rect.getBoundingClientRect();
                return { policyId: g.dataset.policyId, score: g.dataset.score, width: r.width, right: r.right, centreX: r.x + r.width / 2, centreY: r.y + r.height / 2,
                  fill: rect.getAttribute('fill'), label: g.querySelector('text.label').textContent, value: g.querySelector('text.value').textContent };
              });
            })()
            """, until, ConsoleDriver.Patience);

    /// <summary>Each bar's width over the first's is its score over the first's, within 1 %.</summary>
    private static void AssertProportional(List<Bar> bars)
    {
        foreach (var bar in bars.Skip(1))
        {
            var drawn = bar.Width / bars[0].Width;
            var scored = bar.ScoreValue / bars[0].ScoreValue;
            Assert.True(Math.Abs((drawn / scored) - 1) < 0.01, $"{bar.PolicyId}: width ratio {drawn:F4}, score ratio {scored:F4}");
        }
    }

    private static string QuartersBefore(string quarter, int count)
    {
        var index = (int.Parse(quarter[..4], CultureInfo.InvariantCulture) * 4) + (quarter[^1] - '1') - count;
        return $"{index / 4}-Q{(index % 4) + 1}";
    }

    private static double Parse(string number) => double.Parse(number, CultureInfo.InvariantCulture);

    public sealed record class Bar(string PolicyId, string Score, double Width, double Right, double CentreX, double CentreY, string Fill, string Label, string Value)
    {
        public double ScoreValue => Parse(Score);
    }

    /// <summary>Doubles equal to within an absolute tolerance, for sequences.</summary>
    private sealed class Tolerance(double within) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= within;

        public int GetHashCode(double obj) => 0;
    }
}
