using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Governance.Gateway.Tests.Edge;

/// <summary>
/// Requests for any RPC built from its descriptor: every field set, left empty or given a boundary value (empty, huge,
/// control characters, NaN, extremes, enum numbers that do not exist, timestamps out of range), nested messages a few
/// levels deep; and bytes that are no message at all. Seeded, so a failure can be reproduced.
/// </summary>
internal sealed class MessageFuzzer(int seed)
{
    private const int MaxDepth = 3;

    private static readonly string[] Strings =
    [
        "", " ", "x", "0", "-1", "网格", "🙂🙂", "\u0000", "\u202Eevil", "../../etc/passwd", "'; DROP TABLE gov_registry; --",
        "case-1", "cell-0", "2026-13-45", "http://", "a@b", new string('x', 257), new string('网', 2_000), new string('y', 20_000),
    ];

    private static readonly long[] Integers = [0, 1, -1, 2, 7, 100, 1_000_000, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue];

    private static readonly double[] Doubles =
        [0, -0.0, 1, -1, 0.5, 31.2, 121.5, 90.0001, -180.5, 1e308, -1e308, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    private readonly Random _random = new(seed);

    /// <summary>A request of the method's input type, filled at random.</summary>
    public IMessage Message(MessageDescriptor type) => Fill(type, depth: 0);

    /// <summary>Bytes that are not a valid encoding of any message: truncated, wrong wire types, random.</summary>
    public byte[] Garbage()
    {
        return _random.Next(4) switch
        {
            0 => [0x08, 0xFF, 0xFF],
            1 => [(byte)(_random.Next(1, 16) << 3 | 2), 0x7F, 0x41],
            2 => [0x0F, (byte)_random.Next(256)],
            _ => Bytes(_random.Next(1, 64)),
        };
    }

    private IMessage Fill(MessageDescriptor type, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        if (type.FullName == "google.protobuf.Timestamp")
        {
            // Seconds and nanos in and out of the range a timestamp may hold.
            type.FindFieldByName("seconds").Accessor.SetValue(message, Pick<long>([0, 1_800_000_000, -62_135_596_801, 253_402_300_800, long.MaxValue, _random.NextInt64()]));
            type.FindFieldByName("nanos").Accessor.SetValue(message, Pick<int>([0, 999_999_999, 1_000_000_000, -1, int.MaxValue]));
            return message;
        }

        foreach (var field in type.Fields.InDeclarationOrder())
        {
            if (_random.Next(4) == 0)
            {
                continue;
            }

            if (field.IsMap)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var n = _random.Next(_random.Next(8) == 0 ? 300 : 4); n > 0; n--)
                {
                    if (Value(field, depth) is { } item)
                    {
                        list.Add(item);
                    }
                }
            }
            else if (Value(field, depth) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }
        }

        return message;
    }

    private object? Value(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => _random.Next(3) == 0 ? RandomText(_random.Next(0, 80)) : Pick(Strings),
        FieldType.Bool => _random.Next(2) == 0,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (int)Math.Clamp(Pick(Integers), int.MinValue, int.MaxValue),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)Math.Clamp(Pick(Integers), 0, uint.MaxValue),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick(Integers),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)Math.Max(0, Pick(Integers)),
        FieldType.Double => Pick(Doubles),
        FieldType.Float => (float)Pick(Doubles),
        FieldType.Bytes => ByteString.CopyFrom(Bytes(_random.Next(0, 100))),
        FieldType.Enum => _random.Next(4) == 0 ? 999 : field.EnumType.Values[_random.Next(field.EnumType.Values.Count)].Number,
        FieldType.Message when depth < MaxDepth => Fill(field.MessageType, depth + 1),
        _ => null,
    };

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    private string RandomText(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            // Mostly printable ASCII, some CJK, some control characters.
            chars[i] = _random.Next(10) switch
            {
                0 => (char)_random.Next(0x4E00, 0x9FA5),
                1 => (char)_random.Next(0, 32),
                _ => (char)_random.Next(32, 127),
            };
        }

        return new string(chars);
    }

    private byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
