using System.Globalization;

namespace Governance.Intake.Bench.Reporting;

/// <summary>Numbers as the report writes them: invariant culture, thousands separated.</summary>
public static class Format
{
    public static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ms(double value) => double.IsNaN(value) ? "n/a"
        : value.ToString(value < 10 ? "0.00" : value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";

    public static string Mib(long kib) => (kib / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " MiB";

    public static string Cores(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => value.ToString(value < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
