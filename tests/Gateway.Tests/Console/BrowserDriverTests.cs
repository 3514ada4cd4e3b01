using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Governance.TestSupport;
using Governance.TestSupport.Browser;

namespace Governance.Gateway.Tests.Console;

/// <summary>The in-repo DevTools driver the web console's end-to-end tests stand on, against a real headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserDriverTests
{
    private static readonly Rgba Red = new(200, 10, 20, 255);
    private static readonly Rgba White = new(255, 255, 255, 255);
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(10);
    private static readonly byte[] OneUnfilteredRow = [0];
    private static readonly byte[] NoneThenPaeth = [0, 4];

    // 2×2 RGB. At (1,1) red has left 80, up 110, up-left 100: left and up-left predict equally well and the spec
    // picks left; green (110, 80, 100) ties up with up-left and the spec picks up.
    private static readonly byte[] PaethTieSamples = [100, 100, 0, 110, 80, 0, 80, 110, 0, 7, 7, 7];

    private const string BoxPage = """
        <body style="margin:0;background:white">
        <div id="box" style="position:absolute;left:0;top:0;width:100px;height:50px;background:rgb(200,10,20)"></div>
        <script>
          window.boxClicks = 0; window.allClicks = 0;
          box.addEventListener('click', () => boxClicks++);
          document.addEventListener('click', () => allClicks++);
        </script>
        </body>
        """;

    [SkippableFact]
    public async Task Screenshot_BoxOnWhite_HasTheAskedSizeAndTheBoxColours()
    {
        ChromiumAvailability.SkipIfMissing();
        await using var browser = await HeadlessChromium.LaunchAsync(800, 600);
        await using var page = await browser.OpenPageAsync(DataUrl(BoxPage));

        var shot = await page.ScreenshotAsync();

        Assert.Equal((800, 600), (shot.Width, shot.Height));
        AssertPixel(shot, 10, 10, Red);
        AssertPixel(shot, 99, 49, Red);
        AssertPixel(shot, 100, 10, White);
        AssertPixel(shot, 10, 50, White);
        AssertPixel(shot, 400, 400, White);
    }

    [SkippableFact]
    public async Task Click_OnTheBoxAndBesideIt_RunsTheBoxHandlerOnce()
    {
        ChromiumAvailability.SkipIfMissing();
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync(DataUrl(BoxPage));

        await page.ClickAsync(300, 300);
        await page.ClickAsync(50, 25);

        Assert.Equal(2, await page.EvaluateAsync<int>("allClicks"));
        Assert.Equal(1, await page.EvaluateAsync<int>("boxClicks"));
    }

    [SkippableFact]
    public async Task TypeText_IntoFocusedInput_SetsItsValue()
    {
        ChromiumAvailability.SkipIfMissing();
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync(DataUrl("<input id='name'>"));
        await page.EvaluateAsync("document.getElementById('name').focus()");

        await page.TypeTextAsync("Zoë 42");

        Assert.Equal("Zoë 42", await page.EvaluateAsync<string>("document.getElementById('name').value"));
    }

    [SkippableTheory]
    [InlineData("(() => { throw new Error('kaboom 7'); })()", "kaboom 7")]
    [InlineData("Promise.reject(new TypeError('late kaboom'))", "late kaboom")]
    public async Task Evaluate_ThrowingScript_ThrowsWithTheJsMessage(string script, string message)
    {
        ChromiumAvailability.SkipIfMissing();
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync("about:blank");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => page.EvaluateAsync(script));

        Assert.Contains(message, thrown.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Evaluate_Cancelled_ThrowsAndLeavesThePageUsable()
    {
        ChromiumAvailability.SkipIfMissing();
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync("about:blank");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => page.EvaluateAsync("new Promise(resolve => setTimeout(resolve, 5000))", cancel.Token));

        Assert.Equal(2, await page.EvaluateAsync<int>("1 + 1"));
    }

    [SkippableFact]
    public async Task ConsoleErrors_CollectConsoleErrorUncaughtExceptionsAndFailedRequests_NotLogs()
    {
        ChromiumAvailability.SkipIfMissing();
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync("about:blank");

        var missing = $"http://127.0.0.1:{FreePort.Next()}/missing.png";

        await page.EvaluateAsync($$"""
            console.log('just chatting');
            console.error('boom', 42);
            setTimeout(() => { throw new Error('late failure'); });
            document.body.appendChild(Object.assign(document.createElement('img'), { src: '{{missing}}' }));
            """);

        await WaitUntilAsync(() => page.ConsoleErrors.Count >= 3);
        var errors = page.ConsoleErrors;
        Assert.Equal(3, errors.Count);
        Assert.Single(errors, e => e.Contains("boom 42", StringComparison.Ordinal));
        Assert.Single(errors, e => e.Contains("Error: late failure", StringComparison.Ordinal));
        Assert.Single(errors, e => e.Contains("ERR_CONNECTION_REFUSED", StringComparison.Ordinal) && e.Contains(missing, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task WaitFor_ValueThatArrivesLater_ReturnsIt()
    {
        ChromiumAvailability.SkipIfMissing();
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync("about:blank");
        await page.EvaluateAsync("setTimeout(() => window.ready = 5, 300)");

        Assert.Equal(5, await page.WaitForAsync<int>("window.ready ?? 0", v => v == 5, TimeSpan.FromSeconds(10)));
    }

    [SkippableFact]
    public async Task WaitFor_ConditionNeverMet_TimesOutNamingTheExpressionAndLastValue()
    {
        ChromiumAvailability.SkipIfMissing();
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync("about:blank");
        await page.EvaluateAsync("console.error('why it never came')");

        var thrown = await Assert.ThrowsAsync<TimeoutException>(
            () => page.WaitForAsync<int>("window.neverSet ?? 3", v => v > 10, TimeSpan.FromMilliseconds(300)));

        Assert.Contains("window.neverSet ?? 3", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("last value was 3", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("why it never came", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, 0)]
    [InlineData(6, 3)]
    [InlineData(2, 4)]
    [InlineData(2, 1)]
    public void PngImage_EveryFilter_DecodesEveryPixel(byte colourType, byte firstRowFilter)
    {
        const int width = 5;
        const int height = 6;
        var channels = colourType == 6 ? 4 : 3;
        // Values that make every filter's prediction wrap around 255 somewhere.
        var samples = new byte[width * height * channels];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (byte)((i * 97) ^ (i * i * 13) ^ (i >> 2));
        }

        var png = HandMadePng.Encode(width, height, colourType, samples, [firstRowFilter, 1, 2, 3, 4, 3]);

        var image = PngImage.Decode(png);

        Assert.Equal((width, height), (image.Width, image.Height));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = ((y * width) + x) * channels;
                var expected = new Rgba(samples[at], samples[at + 1], samples[at + 2], channels == 4 ? samples[at + 3] : (byte)255);
                Assert.True(expected == image.PixelAt(x, y), $"pixel ({x},{y}) is {image.PixelAt(x, y)}, expected {expected}");
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => image.PixelAt(width, 0));
        using var folder = new TempFolder("png-test");
        image.Save(folder.Combine("copy.png"));
        Assert.Equal(png, File.ReadAllBytes(folder.Combine("copy.png")));
    }

    [Fact]
    public void PngImage_PaethTies_PredictInTheSpecOrder()
    {
        var image = PngImage.Decode(HandMadePng.Encode(2, 2, 2, PaethTieSamples, NoneThenPaeth));

        Assert.Equal(new Rgba(100, 100, 0, 255), image.PixelAt(0, 0));
        Assert.Equal(new Rgba(110, 80, 0, 255), image.PixelAt(1, 0));
        Assert.Equal(new Rgba(80, 110, 0, 255), image.PixelAt(0, 1));
        Assert.Equal(new Rgba(7, 7, 7, 255), image.PixelAt(1, 1));
    }

    [Theory]
    [InlineData(3, 8, "colour type 3")]
    [InlineData(6, 16, "bit depth 16")]
    public void PngImage_UnsupportedFormat_ThrowsNamingIt(byte colourType, byte bitDepth, string named)
    {
        var png = HandMadePng.Encode(1, 1, colourType, new byte[4], OneUnfilteredRow, bitDepth);

        var thrown = Assert.Throws<NotSupportedException>(() => PngImage.Decode(png));

        Assert.Contains(named, thrown.Message, StringComparison.Ordinal);
    }

    private static string DataUrl(string html) => "data:text/html;charset=utf-8," + Uri.EscapeDataString(html);

    private static void AssertPixel(PngImage shot, int x, int y, Rgba expected)
    {
        var actual = shot.PixelAt(x, y);
        if (actual != expected)
        {
            var file = Path.Combine(Path.GetTempPath(), $"browser-driver-{Guid.NewGuid():N}.png");
            shot.Save(file);
            Assert.Fail($"Pixel ({x},{y}) is {actual}, expected {expected}; the screenshot is at {file}.");
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(EventWait);
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>A PNG written the long way round, so the decoder is checked against the spec and not against itself.</summary>
    private static class HandMadePng
    {
        private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

        public static byte[] Encode(int width, int height, byte colourType, byte[] samples, byte[] rowFilters, byte bitDepth = 8)
        {
            var bpp = colourType == 6 ? 4 : 3;
            var stride = width * bpp;
            using var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var y = 0; y < height; y++)
                {
                    zlib.WriteByte(rowFilters[y]);
                    for (var i = 0; i < stride; i++)
                    {
                        int Sample(int row, int column) => row < 0 || column < 0 ? 0 : samples[(row * stride) + column];
                        int left = Sample(y, i - bpp), up = Sample(y - 1, i), upLeft = Sample(y - 1, i - bpp);
                        var predicted = rowFilters[y] switch
                        {
                            1 => left,
                            2 => up,
                            3 => (left + up) >> 1,
                            4 => PaethPredictor(left, up, upLeft),
                            _ => 0,
                        };
                        zlib.WriteByte((byte)(Sample(y, i) - predicted));
                    }
                }
            }

            var header = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header, width);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
            (header[8], header[9]) = (bitDepth, colourType);
            var data = compressed.ToArray();
            var half = data.Length / 2;

            using var png = new MemoryStream();
            png.Write(Signature);
            WriteChunk(png, "IHDR", header);
            // Two IDAT chunks: the decoder must join them before inflating.
            WriteChunk(png, "IDAT", data.AsSpan(0, half));
            WriteChunk(png, "IDAT", data.AsSpan(half));
            WriteChunk(png, "IEND", []);
            return png.ToArray();
        }

        // As written in the PNG specification, §9.4.
        private static int PaethPredictor(int a, int b, int c)
        {
            var p = a + b - c;
            var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
            if (pa <= pb && pa <= pc)
            {
                return a;
            }

            return pb <= pc ? b : c;
        }

        private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
        {
            var typeAndData = new byte[4 + data.Length];
            Encoding.ASCII.GetBytes(type, typeAndData);
            data.CopyTo(typeAndData.AsSpan(4));
            Span<byte> number = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
            png.Write(number);
            png.Write(typeAndData);
            BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
            png.Write(number);
        }

        private static uint Crc32(ReadOnlySpan<byte> bytes)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in bytes)
            {
                crc ^= b;
                for (var bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
