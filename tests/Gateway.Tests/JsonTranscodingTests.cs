using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests;

/// <summary>
/// The read RPCs as JSON over HTTP/1.1 on their own port (Gateway:WebUrl): the same tokens, roles and refusals as over
/// gRPC, each gRPC status as its HTTP status with the google.rpc.Status body; the JSON routes answer only on that port.
/// </summary>
public sealed class JsonTranscodingTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new("json-tests");
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
    public async Task ACell_ReadOverHttp1_IsTheSameCellAsOverGrpc_WithItsLongsAsStrings()
    {
        var cellId = (await _host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells[0].CellId;
        await _host.Intake.ReportAsync(Reports.InCell(cellId));
        var overGrpc = (await _host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;

        using var answer = await SendAsync(HttpMethod.Get, $"/v1/cells/{cellId}", _host.TokenFor("dispatcher-1", "dispatcher"));
        using var json = await ReadAsync(answer);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(new Version(1, 1), answer.Version);
        var cell = json.RootElement.GetProperty("cell");
        Assert.Equal(cellId, cell.GetProperty("cellId").GetString());
        Assert.Equal(overGrpc.HouseholdCount, cell.GetProperty("householdCount").GetInt32());
        Assert.Equal(overGrpc.OpenCases.Count, cell.GetProperty("openCases").GetArrayLength());
        // int64 as a string, as proto3's JSON mapping has it: a browser's numbers cannot hold every int64.
        Assert.Equal(JsonValueKind.String, cell.GetProperty("counters").GetProperty("reportsReceived").ValueKind);
        Assert.Equal(overGrpc.Counters.ReportsReceived.ToString(System.Globalization.CultureInfo.InvariantCulture), cell.GetProperty("counters").GetProperty("reportsReceived").GetString());
    }

    [Fact]
    public async Task Refusals_AreTheirHttpStatuses_WithTheReasonAndTheFields()
    {
        var noToken = await StatusOfAsync(HttpMethod.Get, "/v1/areas", token: null);
        var reporter = await StatusOfAsync(HttpMethod.Get, "/v1/cases", _host.TokenFor("app-1", "reporter"));
        var unknown = await StatusOfAsync(HttpMethod.Get, "/v1/cells/no-such-cell", _host.TokenFor("dispatcher-1", "dispatcher"));
        var badPage = await StatusOfAsync(HttpMethod.Get, "/v1/cases?pageSize=5000", _host.TokenFor("dispatcher-1", "dispatcher"));

        Assert.Equal((HttpStatusCode.Unauthorized, 16), (noToken.Status, noToken.Code));
        Assert.Contains("no bearer token", noToken.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, 7), (reporter.Status, reporter.Code));
        Assert.Contains("app-1 (reporter) may not call CaseService.ListCases", reporter.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, 5), (unknown.Status, unknown.Code));
        Assert.Equal((HttpStatusCode.BadRequest, 3), (badPage.Status, badPage.Code));
        // The field violations travel as google.rpc.BadRequest, as over gRPC.
        var details = badPage.Body.RootElement.GetProperty("details");
        Assert.Contains(details.EnumerateArray(), d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest"
            && d.GetProperty("fieldViolations").EnumerateArray().Any(v => v.GetProperty("field").GetString() == "page_size"));
    }

    [Fact]
    public async Task TheLiveFeed_IsNewlineDelimitedJson_StartingWithItsSnapshot()
    {
        var cellId = (await _host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells[0].CellId;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/cells:watch?cellIds={cellId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _host.TokenFor("dispatcher-1", "dispatcher"));
        using var answer = await _web.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await answer.Content.ReadAsStreamAsync());

        using var first = JsonDocument.Parse(await reader.ReadLineAsync() ?? "");
        await _host.Intake.ReportAsync(Reports.InCell(cellId));
        using var second = JsonDocument.Parse(await reader.ReadLineAsync() ?? "");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(first.RootElement.GetProperty("snapshot").GetBoolean());
        Assert.Equal(cellId, first.RootElement.GetProperty("cells")[0].GetProperty("cellId").GetString());
        Assert.False(second.RootElement.TryGetProperty("snapshot", out var snapshot) && snapshot.GetBoolean());
        Assert.Equal(
            first.RootElement.GetProperty("cells")[0].GetProperty("openCases").GetInt32() + 1,
            second.RootElement.GetProperty("cells")[0].GetProperty("openCases").GetInt32());
    }

    [Fact]
    public async Task JsonRoutes_AnswerOnlyOnTheWebPort()
    {
        using var http2 = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(_host.Address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/areas") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _host.TokenFor("dispatcher-1", "dispatcher"));

        using var onGrpcPort = await http2.SendAsync(request);
        var onWebPort = await StatusOfAsync(HttpMethod.Get, "/v1/areas", _host.TokenFor("dispatcher-1", "dispatcher"));

        Assert.Equal(HttpStatusCode.NotFound, onGrpcPort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onWebPort.Status);
        Assert.True(onWebPort.Body.RootElement.GetProperty("areas").GetArrayLength() > 0);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _web.SendAsync(request);
    }

    private async Task<(HttpStatusCode Status, int Code, string Message, JsonDocument Body)> StatusOfAsync(HttpMethod method, string path, string? token)
    {
        using var answer = await SendAsync(method, path, token);
        var body = await ReadAsync(answer);
        var code = body.RootElement.TryGetProperty("code", out var c) ? c.GetInt32() : 0;
        var message = body.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        return (answer.StatusCode, code, message, body);
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage answer) => JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
}
