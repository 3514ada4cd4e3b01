using System.Globalization;
using System.Text.Json;
using Governance.TestSupport.Browser;

namespace Governance.Gateway.Tests.Console;

/// <summary>
/// The web console in a browser tab, driven the way a dispatcher drives it: typing into its fields, clicking where
/// things are on the screen, reading what it shows.
/// </summary>
public sealed class ConsoleDriver(BrowserPage page) : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public BrowserPage Page => page;

    /// <summary>Pastes the token, signs in, and waits until every cell is drawn and the live feed's snapshot is in.</summary>
    public async Task SignInAsync(string token)
    {
        await TypeIntoAsync("#token-input", token);
        await ClickAsync("#sign-in-form button");
        await page.WaitForAsync<string>("document.querySelector('#live-status').dataset.state", state => state is "live" or "stopped", Patience);
    }

    /// <summary>Focuses the field, empties it and types <paramref name="text"/>.</summary>
    public async Task TypeIntoAsync(string selector, string text)
    {
        await page.EvaluateAsync($"(() => {{ const e = document.querySelector({Js(selector)}); e.focus(); e.value = ''; }})()");
        await page.TypeTextAsync(text);
    }

    /// <summary>Chooses an option of a select, as picking it from the list does (a change event).</summary>
    public Task ChooseAsync(string selector, string value) =>
        page.EvaluateAsync($"(() => {{ const e = document.querySelector({Js(selector)}); e.value = {Js(value)}; e.dispatchEvent(new Event('change')); return e.value; }})()");

    /// <summary>Clicks the middle of the element, where it is on the screen.</summary>
    public async Task ClickAsync(string selector)
    {
        var box = await page.WaitForAsync<Box?>(
            $"(() => {{ const e = document.querySelector({Js(selector)}); if (!e || e.offsetParent === null) return null; e.scrollIntoView({{ block: 'center' }}); const r = e.getBoundingClientRect(); return {{ x: r.x, y: r.y, width: r.width, height: r.height }}; }})()",
            b => b is not null, Patience);
        await page.ClickAsync(box!.X + box.Width / 2, box.Y + box.Height / 2);
    }

    /// <summary>The text of the first element matching, or null.</summary>
    public Task<string?> TextAsync(string selector) =>
        page.EvaluateAsync<string?>($"document.querySelector({Js(selector)})?.textContent ?? null");

    /// <summary>Waits until the element's text satisfies <paramref name="until"/>, and returns it.</summary>
    public async Task<string> WaitForTextAsync(string selector, Func<string, bool> until) =>
        (await page.WaitForAsync<string?>($"document.querySelector({Js(selector)})?.textContent ?? null", t => t is not null && until(t), Patience))!;

    /// <summary>A data attribute of every element matching, in document order.</summary>
    public Task<List<string>> DataOfAllAsync(string selector, string dataName) =>
        page.EvaluateAsync<List<string>>($"[...document.querySelectorAll({Js(selector)})].map(e => e.dataset.{dataName})");

    /// <summary>The cell's fill colour on the map.</summary>
    public Task<string?> FillOfAsync(string cellId) =>
        page.EvaluateAsync<string?>($"document.querySelector({Js(CellSelector(cellId))})?.getAttribute('fill') ?? null");

    /// <summary>Waits until the cell is painted <paramref name="colour"/>.</summary>
    public Task WaitForFillAsync(string cellId, string colour) =>
        page.WaitForAsync<string?>($"document.querySelector({Js(CellSelector(cellId))})?.getAttribute('fill') ?? null", f => f == colour, Patience);

    /// <summary>
    /// A point on the screen inside the cell where nothing covers it (the summary or the legend may), or null when the
    /// cell is too small or hidden there.
    /// </summary>
    public Task<Point?> VisiblePointOfAsync(string cellId) => page.EvaluateAsync<Point?>($$"""
        (() => {
          const path = document.querySelector({{Js(CellSelector(cellId))}});
          const r = path.getBoundingClientRect();
          const x = Math.round(r.x + r.width / 2), y = Math.round(r.y + r.height / 2);
          // The cell all around the point, so that the pixel there is the cell's own colour, not an edge's blend.
          const around = [[0, 0], [-3, -3], [3, -3], [-3, 3], [3, 3]];
          return around.every(([dx, dy]) => document.elementFromPoint(x + dx, y + dy) === path) ? { x, y } : null;
        })()
        """);

    public static string CellSelector(string cellId) => $"#map path[data-cell=\"{cellId}\"]";

    /// <summary>"#fcd89a" as the pixel a screenshot holds.</summary>
    public static Rgba Colour(string hex) => new(
        byte.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        byte.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        byte.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        255);

    public ValueTask DisposeAsync() => page.DisposeAsync();

    private static string Js(string text) => JsonSerializer.Serialize(text);

    public sealed record class Box(double X, double Y, double Width, double Height);

    public sealed record class Point(int X, int Y);
}
