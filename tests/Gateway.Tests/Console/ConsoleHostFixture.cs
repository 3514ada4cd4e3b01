using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Governance.TestSupport.Browser;

namespace Governance.Gateway.Tests.Console;

/// <summary>
/// An application of its own (the storm view promotes a model and rates cells) and one headless Chromium, started at
/// the first test that needs it, so that a machine without Chromium skips rather than fails the collection.
/// </summary>
public sealed class ConsoleHostFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new("console-tests");
    private readonly SemaphoreSlim _launch = new(1, 1);
    private HeadlessChromium? _browser;

    public GatewayHost Host { get; private set; } = null!;

    public string ConsoleUrl => $"{Host.WebAddress}/console/";

    public async Task InitializeAsync() => Host = await GatewayHost.StartAsync(_folder.Path, "--Risk:PollSeconds=1");

    /// <summary>A new tab on the console, signed in with a token for <paramref name="subject"/> in these roles.</summary>
    public async Task<ConsoleDriver> SignedInAsync(string subject, params string[] roles)
    {
        var driver = await OpenAsync();
        try
        {
            await driver.SignInAsync(Host.TokenFor(subject, roles));
            return driver;
        }
        catch
        {
            await driver.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new tab on the console's sign-in page.</summary>
    public async Task<ConsoleDriver> OpenAsync()
    {
        ChromiumAvailability.SkipIfMissing();
        await _launch.WaitAsync();
        try
        {
            _browser ??= await HeadlessChromium.LaunchAsync(1280, 800);
        }
        finally
        {
            _launch.Release();
        }

        return new ConsoleDriver(await _browser.OpenPageAsync(ConsoleUrl));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _launch.Dispose();
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
