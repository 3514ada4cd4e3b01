using Governance.Cli.CommandLine;

namespace Governance.Cli.Replay;

/// <summary>What `governance replay` was asked to do.</summary>
/// <param name="CsvPath">The CSV of service requests.</param>
/// <param name="MappingPath">The mapping file (JSON) for that CSV.</param>
/// <param name="Server">The gateway's address (HTTP/2 cleartext) and the token to call it with.</param>
/// <param name="Streams">How many ReportStream calls share the rows.</param>
/// <param name="Limit">Read at most this many data rows; null for all.</param>
/// <param name="RejectsPath">Where to write every rejected row as CSV; null for nowhere.</param>
public sealed record ReplaySettings(string CsvPath, string MappingPath, GatewayTarget Server, int Streams, long? Limit, string? RejectsPath);
