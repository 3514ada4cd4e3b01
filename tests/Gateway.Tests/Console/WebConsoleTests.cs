using System.Reflection;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Governance.Gateway.Access;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.Gateway.Tests.Risk;
using Governance.TestSupport.Browser;

namespace Governance.Gateway.Tests.Console;

/// <summary>
/// The dispatch console end to end in headless Chromium against the real application: the city drawn from its cells'
/// shapes (checked on a screenshot), kept live by the watch, a cell's cases, sensors and due visits on a click, the case
/// queue's filters, and a storm warning's ranked households with the map turned to flood risk.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebConsoleTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private GatewayHost Host => fixture.Host;

    [SkippableFact]
    public async Task TheMap_DrawsEveryCellFromItsShape_AndTheScreenshotShowsThemWhereTheyAre()
    {
        await using var console = await fixture.SignedInAsync("dispatcher-map", Roles.Dispatcher);
        var cells = await AllCellsAsync();

        var drawn = await console.DataOfAllAsync("#map path", "cell");
        var summary = await console.TextAsync("#map-summary");
        var shot = await console.Page.ScreenshotAsync();
        var visible = new List<(CellListing Cell, ConsoleDriver.Point At, string Fill)>();
        foreach (var cell in cells.Where((_, i) => i % 15 == 0))
        {
            if (await console.VisiblePointOfAsync(cell.CellId) is { } at)
            {
                visible.Add((cell, at, (await console.FillOfAsync(cell.CellId))!));
            }
        }

        Assert.Equal(cells.Select(c => c.CellId).Order(StringComparer.Ordinal), drawn.Order(StringComparer.Ordinal));
        Assert.StartsWith($"{cells.Count:N0} cells", summary, StringComparison.Ordinal);
        // Most sampled cells are on screen, and the screenshot holds each one's colour where it is drawn.
        Assert.True(visible.Count > cells.Count / 15 / 2, $"only {visible.Count} of {cells.Count / 15} sampled cells are visible");
        Assert.All(visible, v => Assert.Equal(ConsoleDriver.Colour(v.Fill), shot.PixelAt(v.At.X, v.At.Y)));
        // Drawn where they are: further east is further right, further north is higher up.
        var west = visible.MinBy(v => v.Cell.Centroid.Longitude);
        var east = visible.MaxBy(v => v.Cell.Centroid.Longitude);
        var north = visible.MaxBy(v => v.Cell.Centroid.Latitude);
        var south = visible.MinBy(v => v.Cell.Centroid.Latitude);
        Assert.True(west.At.X < east.At.X && north.At.Y < south.At.Y, $"west {west.At}, east {east.At}, north {north.At}, south {south.At}");
        // The map is mostly cells, not background.
        var map = await console.Page.EvaluateAsync<ConsoleDriver.Box>("(() => { const r = document.querySelector('#map').getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; })()");
        var fills = visible.Select(v => ConsoleDriver.Colour(v.Fill)).ToHashSet();
        var cellPixels = 0;
        var pixels = 0;
        for (var y = (int)map.Y; y < (int)(map.Y + map.Height); y += 4)
        {
            for (var x = (int)map.X; x < (int)(map.X + map.Width); x += 4)
            {
                pixels++;
                cellPixels += fills.Contains(shot.PixelAt(x, y)) ? 1 : 0;
            }
        }

        Assert.True(cellPixels > pixels / 4, $"{cellPixels} of {pixels} sampled map pixels show a cell");
        Assert.Empty(console.Page.ConsoleErrors);
    }

    [SkippableFact]
    public async Task AReport_RecoloursItsCellLive_AndAClickOnTheCellShowsItsCasesSensorsAndResidentsDue()
    {
        await using var console = await fixture.SignedInAsync("dispatcher-live", Roles.Dispatcher);
        var (cellId, centre, at) = await VisibleFreshCellAsync(console);
        var gauge = $"gauge-{Guid.NewGuid():N}"[..20];
        await new SensorService.SensorServiceClient(Host.Channel).RecordReadingAsync(new SensorReading
        {
            SensorId = gauge, Kind = "water-level", Value = 1.9, Point = centre, MeasuredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-5)),
        });
        var elder = await People.ResidentWithDailyCallAsync(Host, centre);

        // Counted after the report, so only a live update since the sign-in can paint the cell this colour.
        var report = Reports.InCell(cellId);
        report.Description = $"Fallen tree blocks the lane by the school gate ({Guid.NewGuid():N})";
        var ack = await Host.Intake.ReportAsync(report);
        var openCases = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell.OpenCases.Count;
        var expected = await ColourAsync(console, "open", $"{{ openCases: {openCases} }}");
        await console.WaitForFillAsync(cellId, expected);
        var shot = await console.Page.ScreenshotAsync();

        await console.ChooseAsync("#colour-by", "alarms");
        var alarmColour = await ColourAsync(console, "alarms", "{ alarms: 1 }");
        var byAlarms = await console.FillOfAsync(cellId);

        await console.Page.ClickAsync(at.X, at.Y);
        await console.WaitForTextAsync("#cell-view h2", t => t == $"Cell {cellId}");
        var caseIds = await console.DataOfAllAsync("#cell-view li.case", "caseId");
        var cases = await console.TextAsync("#cell-view .lines");
        var sensors = await console.DataOfAllAsync("#cell-view li.sensor.alarm", "sensorId");
        var visits = await console.DataOfAllAsync("#cell-view li.visit", "residentId");
        await console.ClickAsync($"#cell-view li.case[data-case-id=\"{ack.CaseId}\"]");
        var card = await console.WaitForTextAsync("#cell-view .case-card", t => t.Length > 0);

        Assert.NotEqual(await ColourAsync(console, "open", "{ openCases: 0 }"), expected);
        Assert.Equal(ConsoleDriver.Colour(expected), shot.PixelAt(at.X, at.Y));
        Assert.Equal(alarmColour, byAlarms);
        Assert.Contains(ack.CaseId, caseIds);
        Assert.Equal(openCases, caseIds.Count);
        Assert.Contains(report.Description, cases, StringComparison.Ordinal);
        Assert.Equal([gauge], sensors);
        Assert.Contains(elder, visits);
        Assert.StartsWith($"Case {ack.CaseId}", card, StringComparison.Ordinal);
        Assert.Contains(report.Description, card, StringComparison.Ordinal);
        Assert.Equal("true", await console.Page.EvaluateAsync<string>($"String(document.querySelector('{ConsoleDriver.CellSelector(cellId)}').classList.contains('selected'))"));
        Assert.Empty(console.Page.ConsoleErrors);
    }

    [SkippableFact]
    public async Task TheCaseQueue_ShowsWhatItsFiltersAsk_AndARowOpensTheCaseWithItsHistory()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var family = $"q{Guid.NewGuid():N}"[..12];
        var acks = new List<(string Category, string CaseId)>();
        foreach (var category in new[] { $"{family}.water", $"{family}.water", $"{family}.road" })
        {
            var report = Reports.InCell(cellId);
            report.Category = category;
            // Far apart in time, so that the two water reports are two cases, not one merged.
            report.ReportedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-acks.Count * 30 - 1));
            acks.Add((category, (await Host.Intake.ReportAsync(report)).CaseId));
        }

        // The list is a read model, written just after the acknowledgement: wait until it has them all.
        for (var listed = 0; listed < acks.Count; await Task.Delay(100))
        {
            listed = (await Host.Cases.ListCasesAsync(new ListCasesRequest { Category = $"{family}.*" })).Cases.Count;
        }

        await using var console = await fixture.SignedInAsync("dispatcher-queue", Roles.Dispatcher);
        await console.ClickAsync("#views button[data-view=cases]");
        await console.TypeIntoAsync("#cases-view input[name=category]", $"{family}.*");
        await console.ClickAsync("#cases-view form button");
        var family3 = await WaitForRowsAsync(console, rows => rows.Count == 3);
        await console.TypeIntoAsync("#cases-view input[name=category]", $"{family}.water");
        await console.ClickAsync("#cases-view form button");
        var water = await WaitForRowsAsync(console, rows => rows.Count == 2);
        await console.ClickAsync($"#cases-view tr[data-case-id=\"{water[0]}\"] td:nth-child(2)");
        var detail = await console.WaitForTextAsync("#cases-view .case-detail h3", t => t.Length > 0);
        var history = await console.TextAsync("#cases-view .history");
        await console.TypeIntoAsync("#cases-view input[name=category]", "water.*.pipes");
        await console.ClickAsync("#cases-view form button");
        var refusal = await console.WaitForTextAsync("#cases-view .message .error", t => t.Length > 0);

        Assert.Equal(acks.Select(a => a.CaseId).Order(StringComparer.Ordinal), family3.Order(StringComparer.Ordinal));
        Assert.Equal(acks.Where(a => a.Category.EndsWith(".water", StringComparison.Ordinal)).Select(a => a.CaseId).Order(StringComparer.Ordinal), water.Order(StringComparer.Ordinal));
        Assert.Equal($"Case {water[0]}", detail);
        Assert.Contains("citizen-42", history, StringComparison.Ordinal);
        Assert.Contains("category", refusal, StringComparison.Ordinal);
        Assert.Contains("final '.*'", refusal, StringComparison.Ordinal);
        Assert.Empty(await console.DataOfAllAsync("#cases-view tbody tr", "caseId"));
    }

    [SkippableFact]
    public async Task TheStormView_ListsTheWarningsRankedHouseholds_AndTurnsTheMapToFloodRisk()
    {
        var risk = new RiskService.RiskServiceClient(Host.Channel);
        var model = ModelUploads.Train(seed: 77);
        var version = (await ModelUploads.RegisterAsync(risk, ModelUploads.UploadOf(model), model.Scorer.Save())).Version;
        await risk.PromoteModelAsync(new PromoteModelRequest { Version = version });
        var district = (await Host.Grid.ListAreasAsync(new ListAreasRequest())).Areas.First(a => a.Level == AreaLevel.District).Code;
        await using var console = await fixture.SignedInAsync("dispatcher-storm", Roles.Dispatcher);
        await console.ClickAsync("#views button[data-view=storm]");

        await console.TypeIntoAsync("#storm-view input[name=warningId]", "Typhoon 7");
        await console.ClickAsync("#storm-view form button");
        var refusal = await console.WaitForTextAsync("#storm-view .result .error", t => t.Length > 0);

        await console.TypeIntoAsync("#storm-view input[name=warningId]", "console-typhoon");
        await console.ChooseAsync("#storm-view select[name=area]", district);
        await console.TypeIntoAsync("#storm-view input[name=rainfall]", "240");
        await console.TypeIntoAsync("#storm-view input[name=duration]", "5");
        await console.TypeIntoAsync("#storm-view input[name=threshold]", "0.2");
        await console.TypeIntoAsync("#storm-view input[name=listLimit]", "40");
        await console.ClickAsync("#storm-view form button");
        var ranked = (await console.Page.WaitForAsync<List<string>>(
            "[...document.querySelectorAll('#storm-view table.ranked tbody tr')].map(r => r.dataset.householdId)", rows => rows.Count > 0, ConsoleDriver.Patience));
        // Issued again over gRPC, the same warning answers the same households in the same order.
        var warning = await risk.IssueStormWarningAsync(new IssueStormWarningRequest
        {
            WarningId = "console-typhoon", Area = district, Forecast = new StormForecast { RainfallMm24H = 240, DurationHours = 5 }, Threshold = 0.2, ListLimit = 40,
        });
        var colourBy = await console.Page.EvaluateAsync<string>("document.querySelector('#colour-by').value");
        // The twenty riskiest cells take their level's colour; those showing on screen (not under the legend, not too small)
        // are checked on the screenshot.
        var rated = new List<(CellRating Cell, string Colour, ConsoleDriver.Point At)>();
        foreach (var cell in warning.Cells.Take(20))
        {
            var colour = await ColourAsync(console, "risk", $"{{ floodRisk: {{ level: '{ProtoName(cell.Level)}' }} }}");
            await console.WaitForFillAsync(cell.CellId, colour);
            if (await console.VisiblePointOfAsync(cell.CellId) is { } at)
            {
                rated.Add((cell, colour, at));
            }
        }

        var shot = await console.Page.ScreenshotAsync();
        await console.ClickAsync($"#storm-view table.ranked tbody tr[data-household-id=\"{warning.Households[0].HouseholdId}\"] td");
        var shown = await console.WaitForTextAsync("#cell-view h2", t => t.StartsWith("Cell ", StringComparison.Ordinal));

        Assert.Contains("warning_id", refusal, StringComparison.Ordinal);
        Assert.Equal(warning.Households.Select(h => h.HouseholdId), ranked);
        Assert.Equal("risk", colourBy);
        Assert.NotEmpty(rated);
        Assert.True(rated[0].Cell.Level >= FloodRiskLevel.High, $"the riskiest visible cell is only {rated[0].Cell.Level}");
        Assert.All(rated, r => Assert.Equal(ConsoleDriver.Colour(r.Colour), shot.PixelAt(r.At.X, r.At.Y)));
        Assert.Equal($"Cell {warning.Households[0].CellId}", shown);
        // Only the refusal of the badly named warning.
        Assert.Equal([400], console.Page.ConsoleErrors.Select(e => e.Contains("status of 400", StringComparison.Ordinal) && e.Contains("/v1/storm-warnings", StringComparison.Ordinal) ? 400 : 0));
    }

    [SkippableFact]
    public async Task ChoosingAnArea_FitsTheMapToItsCells_AtAnyLevel()
    {
        var areas = (await Host.Grid.ListAreasAsync(new ListAreasRequest())).Areas;
        var community = areas.Last(a => a.Level == AreaLevel.Community);
        var street = areas.Single(a => a.Code == community.ParentCode);
        await using var console = await fixture.SignedInAsync("dispatcher-zoom", Roles.Dispatcher);
        var map = await console.Page.EvaluateAsync<ConsoleDriver.Box>("(() => { const r = document.querySelector('#map').getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; })()");
        var communityCells = await CellIdsAsync(community.Code);
        var streetCells = await CellIdsAsync(street.Code);

        var wholeCity = await ScreenBoxOfAsync(console, communityCells);
        await console.ChooseAsync("#map-area", community.Code);
        var zoomed = await ScreenBoxOfAsync(console, communityCells);
        await console.ChooseAsync("#map-area", street.Code);
        var streetBox = await ScreenBoxOfAsync(console, streetCells);
        await console.ChooseAsync("#map-area", "");
        var back = await ScreenBoxOfAsync(console, communityCells);

        Assert.True(zoomed.Width * zoomed.Height > 4 * wholeCity.Width * wholeCity.Height, $"{wholeCity} became only {zoomed}");
        foreach (var box in new[] { zoomed, streetBox })
        {
            Assert.True(box.X >= map.X - 1 && box.Y >= map.Y - 1 && box.X + box.Width <= map.X + map.Width + 1 && box.Y + box.Height <= map.Y + map.Height + 1, $"{box} is not inside the map {map}");
            Assert.True(box.Width >= map.Width * 0.8 || box.Height >= map.Height * 0.8, $"{box} does not fill the map {map}");
        }

        Assert.Equal(wholeCity, back);
    }

    [SkippableFact]
    public async Task ARefusedToken_KeepsTheConsoleShut_WithTheGatewaysReason()
    {
        await using var console = await fixture.OpenAsync();

        await console.TypeIntoAsync("#token-input", "not-a-token");
        await console.ClickAsync("#sign-in-form button");
        var reason = await console.WaitForTextAsync("#sign-in-error", t => t.Length > 0);
        var consoleShown = await console.Page.EvaluateAsync<bool>("!document.querySelector('#console').hidden");
        var kept = await console.Page.EvaluateAsync<string?>("sessionStorage.getItem('governance.console.token')");

        Assert.Contains("token", reason, StringComparison.OrdinalIgnoreCase);
        Assert.False(consoleShown);
        Assert.Null(kept);
    }

    private async Task<List<CellListing>> AllCellsAsync()
    {
        var cells = new List<CellListing>();
        var page = new ListCellsResponse();
        do
        {
            page = await Host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1000, PageToken = page.NextPageToken });
            cells.AddRange(page.Cells);
        }
        while (page.NextPageToken.Length > 0);
        return cells;
    }

    /// <summary>A cell no other test of the host used, drawn where nothing covers it on the screen.</summary>
    private async Task<(string CellId, GeoPoint Centre, ConsoleDriver.Point At)> VisibleFreshCellAsync(ConsoleDriver console)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
            if (await console.VisiblePointOfAsync(cellId) is { } at)
            {
                return (cellId, centre, at);
            }
        }

        throw new InvalidOperationException("no fresh cell of fifty shows on the map");
    }

    private async Task<List<string>> CellIdsAsync(string areaCode) =>
        [.. (await Host.Grid.ListCellsAsync(new ListCellsRequest { AreaCode = areaCode, PageSize = 1000 })).Cells.Select(c => c.CellId)];

    /// <summary>Where these cells are drawn on the screen, together.</summary>
    private static Task<ConsoleDriver.Box> ScreenBoxOfAsync(ConsoleDriver console, List<string> cellIds) =>
        console.Page.EvaluateAsync<ConsoleDriver.Box>($$"""
            (() => {
              const boxes = {{System.Text.Json.JsonSerializer.Serialize(cellIds)}}.map(id => document.querySelector(`#map path[data-cell="${id}"]`).getBoundingClientRect());
              const x = Math.min(...boxes.map(b => b.left)), y = Math.min(...boxes.map(b => b.top));
              return { x, y, width: Math.max(...boxes.map(b => b.right)) - x, height: Math.max(...boxes.map(b => b.bottom)) - y };
            })()
            """);

    /// <summary>The enum value's name in the proto (and in JSON): FLOOD_RISK_LEVEL_SEVERE.</summary>
    private static string ProtoName(FloodRiskLevel level) =>
        typeof(FloodRiskLevel).GetField(level.ToString())!.GetCustomAttribute<OriginalNameAttribute>()!.Name;

    /// <summary>The colour the console's own scheme gives a cell with this pulse.</summary>
    private static Task<string> ColourAsync(ConsoleDriver console, string scheme, string pulse) =>
        console.Page.EvaluateAsync<string>($"import('/console/js/colours.js').then(c => c.schemes.{scheme}.colourOf({pulse}))");

    private static Task<List<string>> WaitForRowsAsync(ConsoleDriver console, Func<List<string>, bool> until) =>
        console.Page.WaitForAsync("[...document.querySelectorAll('#cases-view tbody tr')].map(r => r.dataset.caseId)", until, ConsoleDriver.Patience);
}
