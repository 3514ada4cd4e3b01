using System.Net;
using System.Text.RegularExpressions;
using Governance.Gateway.Tests.Infrastructure;

namespace Governance.Gateway.Tests.Console;

/// <summary>
/// The web console's files as the gateway serves them: on the JSON port only, revalidated by entity tag, under a policy
/// that allows no script but its own, and every module the page imports there to be had.
/// </summary>
[Collection(DemoCityCollection.Name)]
public sealed partial class ConsoleServingTests(DemoCityHostFixture fixture) : IDisposable
{
    // Redirects kept, to see them.
    private readonly HttpClient _web = fixture.Host.WebClient(new HttpClientHandler { AllowAutoRedirect = false });

    public void Dispose() => _web.Dispose();

    [Fact]
    public async Task ThePage_IsServedWithItsPolicy_AndRevalidatedByItsTag()
    {
        using var redirect = await _web.GetAsync(new Uri("/console", UriKind.Relative));
        using var page = await _web.GetAsync(new Uri("/console/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        using var again = new HttpRequestMessage(HttpMethod.Get, "/console/");
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        using var notModified = await _web.SendAsync(again);
        using var missing = await _web.GetAsync(new Uri("/console/js/nothing-here.js", UriKind.Relative));

        Assert.Equal((HttpStatusCode.PermanentRedirect, "/console/"), (redirect.StatusCode, redirect.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg id=\"map\"", html, StringComparison.Ordinal);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task EveryFileThePageLoads_AndEveryModuleItImports_IsServed()
    {
        var pending = new Queue<string>(Links().Matches(await _web.GetStringAsync(new Uri("/console/", UriKind.Relative))).Select(m => m.Groups["path"].Value));
        var served = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var path))
        {
            if (!served.Add(path))
            {
                continue;
            }

            using var answer = await _web.GetAsync(new Uri($"/console/{path}", UriKind.Relative));
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{path}: {answer.StatusCode}");
            if (path.EndsWith(".js", StringComparison.Ordinal))
            {
                Assert.Equal("text/javascript", answer.Content.Headers.ContentType?.MediaType);
                var folder = path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : "";
                foreach (Match import in Imports().Matches(await answer.Content.ReadAsStringAsync()))
                {
                    pending.Enqueue(folder + import.Groups["path"].Value);
                }
            }
        }

        Assert.Contains("console.css", served);
        Assert.Contains("js/app.js", served);
        Assert.True(served.Count >= 8, $"only {string.Join(", ", served)}");
    }

    [Fact]
    public async Task TheConsole_IsNotServedOnTheGrpcPort()
    {
        using var http2 = new HttpClient { BaseAddress = new Uri(fixture.Host.Address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var answer = await http2.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [GeneratedRegex("(?:src|href)=\"(?<path>[a-z0-9/._-]+\\.(?:js|css))\"")]
    private static partial Regex Links();

    [GeneratedRegex("""from '\./(?<path>[a-z0-9._-]+\.js)'""")]
    private static partial Regex Imports();
}
