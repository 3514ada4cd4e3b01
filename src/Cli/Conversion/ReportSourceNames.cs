using Governance.Contracts.V1;
using Google.Protobuf.Reflection;

namespace Governance.Cli.Conversion;

/// <summary>The contract's ReportSource values by their proto names, read from the generated descriptor so a new source needs no change here.</summary>
public static class ReportSourceNames
{
    private const string Prefix = "REPORT_SOURCE_";
    private static readonly EnumDescriptor Descriptor =
        CommonReflection.Descriptor.EnumTypes.Single(e => e.Name == nameof(ReportSource));

    /// <summary>The names a mapping may use, without the prefix (UNSPECIFIED is not one).</summary>
    public static IEnumerable<string> Known =>
        Descriptor.Values.Where(v => v.Number != 0).Select(v => v.Name[Prefix.Length..]);

    /// <summary>Parses "HOTLINE" or "REPORT_SOURCE_HOTLINE", in any case.</summary>
    public static bool TryParse(string name, out ReportSource source)
    {
        ArgumentNullException.ThrowIfNull(name);
        var upper = name.Trim().ToUpperInvariant();
        var value = Descriptor.FindValueByName(upper.StartsWith(Prefix, StringComparison.Ordinal) ? upper : Prefix + upper);
        source = value is { Number: not 0 } ? (ReportSource)value.Number : ReportSource.Unspecified;
        return source != ReportSource.Unspecified;
    }
}
