using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Governance.Gateway.WebConsole;

/// <summary>
/// The web console's files (wwwroot, embedded in this assembly under "console/"), read once with their content types
/// and entity tags. Embedded, so the gateway serves the console wherever it is co-hosted, with nothing to deploy.
/// </summary>
public sealed class ConsoleAssets
{
    private const string Prefix = "console/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, ConsoleAsset> _byPath;

    public ConsoleAssets()
        : this(typeof(ConsoleAssets).Assembly)
    {
    }

    internal ConsoleAssets(Assembly assembly)
    {
        var assets = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var path = name[Prefix.Length..];
            var contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(path))
                ?? throw new InvalidOperationException($"The console file '{path}' has no known content type; add its extension to ConsoleAssets.");
            var bytes = copy.ToArray();
            assets[path] = new ConsoleAsset(path, contentType, bytes, $"\"{Convert.ToHexString(SHA256.HashData(bytes), 0, 8)}\"");
        }

        _byPath = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The console's file paths, e.g. "index.html", "js/map.js".</summary>
    public IEnumerable<string> Paths => _byPath.Keys;

    /// <summary>The file at <paramref name="path"/> (relative to the console's root), or null.</summary>
    public ConsoleAsset? Find(string path) => _byPath.GetValueOrDefault(path);
}

/// <summary>One console file as served.</summary>
public sealed record class ConsoleAsset(string Path, string ContentType, byte[] Content, string ETag);
