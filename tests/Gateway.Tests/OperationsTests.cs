using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>
/// What operators see: Prometheus metrics of intake and of the city on the JSON port, and the Orleans dashboard there
/// behind the admin token (HTTP Basic, for a browser).
/// </summary>
public sealed class OperationsTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempFolder _folder = new("operations-tests");
    private GatewayHost _host = null!;
    private HttpClient _web = null!;

    public async Task InitializeAsync()
    {
        _host = await GatewayHost.StartAsync(_folder.Path);
        _web = _host.WebClient();
    }

    public async Task DisposeAsync()
    {
        _web.Dispose();
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Metrics_CountReportsByOutcome_TimeTheirAcks_AndGaugeTheCity()
    {
        // A process of its own: meters are process-wide by name, so hosts side by side in the test process would be
        // counted together.
        using var folder = new TempFolder("operations-silo");
        await using var silo = await SiloProcess.StartAsync(folder.Path, TimeSpan.FromMinutes(2));
        using var channel = silo.OpenChannel();
        using var web = new HttpClient { BaseAddress = new Uri(silo.WebAddress) };
        var intake = new IntakeService.IntakeServiceClient(channel);
        var cellId = (await new GridService.GridServiceClient(channel).ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells[0].CellId;
        await intake.ReportAsync(Reports.InCell(cellId));
        await intake.ReportAsync(Reports.InCell(cellId));
        var invalid = Reports.InCell(cellId);
        invalid.Description = "";
        await Assert.ThrowsAsync<RpcException>(() => intake.ReportAsync(invalid).ResponseAsync);

        // The case count is refreshed behind the scrapes: the first may still show the start's count.
        var metrics = "";
        var deadline = DateTime.UtcNow + Patience;
        do
        {
            await Task.Delay(200);
            metrics = await web.GetStringAsync("/metrics");
        }
        while (Value(metrics, "gov_cases_open") < 2 && DateTime.UtcNow < deadline);

        Assert.Equal(3, Value(metrics, "gov_reports_received_total"));
        Assert.Equal(2, Value(metrics, "gov_reports_acked_total", "outcome=\"created\""));
        Assert.Equal(1, Value(metrics, "gov_reports_rejected_total", "status=\"InvalidArgument\""));
        Assert.Equal(2, Value(metrics, "gov_reports_ack_duration_seconds_count"));
        Assert.InRange(Value(metrics, "gov_cases_open"), 2, double.MaxValue);
        Assert.Equal(0, Value(metrics, "gov_cases_overdue"));
        Assert.Equal(0, Value(metrics, "gov_risk_model_version"));
        Assert.Contains("orleans_", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboard_IsForAdminsOnly_AndOnlyOnTheWebPort()
    {
        var anonymous = await GetAsync("/dashboard/", authorization: null);
        var dispatcher = await GetAsync("/dashboard/", Basic(_host.TokenFor("dispatcher-1", "dispatcher")));
        var forged = await GetAsync("/dashboard/", Basic("not-a-token"));
        var admin = await GetAsync("/dashboard/", Basic(_host.TokenFor("ops-1", "admin")));
        var adminBearer = await GetAsync("/dashboard/version", new AuthenticationHeaderValue("Bearer", _host.TokenFor("ops-1", "admin")));
        using var http2 = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(_host.Address) };
        using var onGrpcPort = await http2.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Contains("Basic", anonymous.Challenge, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, dispatcher.Status);
        Assert.Contains("dispatcher-1 (dispatcher) may not open the operations pages", dispatcher.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.Status);
        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.Contains("<html", admin.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, adminBearer.Status);
        Assert.Contains("version", adminBearer.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, onGrpcPort.StatusCode);
    }

    [Fact]
    public async Task TheDashboard_TurnedOff_IsNotThere_AndTheGatewayStillServes()
    {
        using var folder = new TempFolder("operations-no-dashboard");
        await using var host = await GatewayHost.StartAsync(folder.Path, "--Operations:Dashboard=false");
        using var web = host.WebClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Authorization = Basic(host.TokenFor("ops-1", "admin"));

        using var dashboard = await web.SendAsync(request);
        var ack = await host.Intake.ReportAsync(Reports.InCell((await host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells[0].CellId));

        Assert.Equal(HttpStatusCode.NotFound, dashboard.StatusCode);
        Assert.Equal(ReportOutcome.Created, ack.Outcome);
    }

    private static AuthenticationHeaderValue Basic(string token) => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:" + token)));

    private async Task<(HttpStatusCode Status, string Body, string Challenge)> GetAsync(string path, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        using var answer = await _web.SendAsync(request);
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync(), answer.Headers.WwwAuthenticate.ToString());
    }

    // The sum of the series named <paramref name="name"/> whose labels include every one of <paramref name="labels"/> (0 when none).
    private static double Value(string metrics, string name, params string[] labels) =>
        metrics.Split('\n')
            .Where(line => (line.StartsWith(name + " ", StringComparison.Ordinal) || line.StartsWith(name + "{", StringComparison.Ordinal))
                && labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
}
