using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Governance.TestSupport.Browser;

/// <summary>
/// A decoded PNG, enough to read pixels of a browser screenshot: 8-bit RGB or RGBA, not interlaced (what
/// Chromium writes). Chunk CRCs are not checked; the zlib stream carries its own checksum.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private readonly byte[] _png;
    private readonly byte[] _samples;
    private readonly int _bytesPerPixel;

    private PngImage(byte[] png, int width, int height, int bytesPerPixel, byte[] samples)
    {
        _png = png;
        Width = width;
        Height = height;
        _bytesPerPixel = bytesPerPixel;
        _samples = samples;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The pixel at column <paramref name="x"/>, row <paramref name="y"/> (0,0 is top left); RGB images read as opaque.</summary>
    public Rgba PixelAt(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        var at = ((y * Width) + x) * _bytesPerPixel;
        return new Rgba(_samples[at], _samples[at + 1], _samples[at + 2], _bytesPerPixel == 4 ? _samples[at + 3] : (byte)255);
    }

    /// <summary>Writes the PNG as it was decoded, e.g. to keep a failing test's screenshot.</summary>
    public void Save(string path) => File.WriteAllBytes(path, _png);

    public static PngImage Decode(ReadOnlySpan<byte> png)
    {
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG: the signature is missing.");
        }

        int width = 0, height = 0, bytesPerPixel = 0;
        using var compressed = new MemoryStream();
        var offset = Signature.Length;
        while (true)
        {
            if (offset + 12 > png.Length)
            {
                throw new InvalidDataException($"PNG truncated at byte {offset}: no IEND chunk.");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(png[offset..]);
            var type = Encoding.ASCII.GetString(png.Slice(offset + 4, 4));
            if (length < 0 || offset + 12 + length > png.Length)
            {
                throw new InvalidDataException($"PNG chunk {type} at byte {offset} runs past the end of the data.");
            }

            var data = png.Slice(offset + 8, length);
            offset += 12 + length;
            switch (type)
            {
                case "IHDR":
                    (width, height, bytesPerPixel) = ReadHeader(data);
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    if (bytesPerPixel == 0)
                    {
                        throw new InvalidDataException("PNG without an IHDR chunk.");
                    }

                    var samples = Unfilter(Inflate(compressed, height * (1 + (width * bytesPerPixel))), width, height, bytesPerPixel);
                    return new PngImage(png.ToArray(), width, height, bytesPerPixel, samples);
                default:
                    break; // Ancillary chunks (sRGB, pHYs, …) do not change the samples.
            }
        }
    }

    private static (int Width, int Height, int BytesPerPixel) ReadHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length != 13)
        {
            throw new InvalidDataException($"PNG IHDR is {header.Length} bytes, not 13.");
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(header);
        var height = BinaryPrimitives.ReadInt32BigEndian(header[4..]);
        var (bitDepth, colourType, interlace) = (header[8], header[9], header[12]);
        if (bitDepth != 8 || colourType is not (2 or 6) || interlace != 0)
        {
            throw new NotSupportedException(
                $"PNG with bit depth {bitDepth}, colour type {colourType}, interlace {interlace}: only bit depth 8, "
                + "colour type 2 (RGB) or 6 (RGBA), not interlaced, is supported.");
        }

        // Bounds the buffers below (a screenshot is far smaller) and keeps the arithmetic from overflowing.
        if (width <= 0 || height <= 0 || (long)width * height > 64L * 1024 * 1024)
        {
            throw new InvalidDataException($"PNG size {width}×{height} is out of range.");
        }

        return (width, height, colourType == 6 ? 4 : 3);
    }

    private static byte[] Inflate(MemoryStream compressed, int expectedLength)
    {
        compressed.Position = 0;
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        var filtered = new byte[expectedLength];
        try
        {
            zlib.ReadExactly(filtered);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"PNG image data inflates to fewer than the {expectedLength} bytes its size needs.");
        }

        return filtered;
    }

    /// <summary>Undoes the per-row filters (PNG spec §9) into rows of samples without filter bytes.</summary>
    private static byte[] Unfilter(byte[] filtered, int width, int height, int bpp)
    {
        var stride = width * bpp;
        var samples = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = filtered[y * (stride + 1)];
            var source = filtered.AsSpan((y * (stride + 1)) + 1, stride);
            var row = samples.AsSpan(y * stride, stride);
            var above = y == 0 ? new byte[stride] : samples.AsSpan((y - 1) * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bpp ? row[i - bpp] : 0;
                int up = above[i];
                int upLeft = i >= bpp ? above[i - bpp] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG row {y} has unknown filter type {filter}."),
                };
                row[i] = (byte)(source[i] + predicted);
            }
        }

        return samples;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var toLeft = Math.Abs(estimate - left);
        var toUp = Math.Abs(estimate - up);
        var toUpLeft = Math.Abs(estimate - upLeft);
        if (toLeft <= toUp && toLeft <= toUpLeft)
        {
            return left;
        }

        return toUp <= toUpLeft ? up : upLeft;
    }
}

/// <summary>One pixel: red, green, blue and alpha, 0–255 each.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A);
