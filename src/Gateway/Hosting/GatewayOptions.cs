using System.ComponentModel.DataAnnotations;

namespace Governance.Gateway.Hosting;

/// <summary>Where the gRPC gateway listens (section "Gateway").</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>
    /// The gRPC address: http://127.0.0.1:5080 for HTTP/2 cleartext, or https://… for HTTP/2 over TLS with
    /// <see cref="TlsCertificatePath"/>. Port 0 picks a free port.
    /// </summary>
    [Required]
    public string Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>For an https:// <see cref="Url"/>: the certificate, a PKCS#12 (.pfx) file, or a PEM file with <see cref="TlsKeyPath"/>.</summary>
    public string TlsCertificatePath { get; set; } = "";

    /// <summary>The PEM private key of a PEM <see cref="TlsCertificatePath"/>; empty for PKCS#12.</summary>
    public string TlsKeyPath { get; set; } = "";

    /// <summary>The password of a PKCS#12 <see cref="TlsCertificatePath"/>, if it has one.</summary>
    public string TlsCertificatePassword { get; set; } = "";

    /// <summary>
    /// The HTTP/1.1 address of JSON over HTTP for the read RPCs (gRPC JSON transcoding), e.g. http://127.0.0.1:5081;
    /// empty: none. Port 0 picks a free port.
    /// </summary>
    public string WebUrl { get; set; } = "";

    /// <summary>Largest request message accepted, in bytes; larger ones end the call with RESOURCE_EXHAUSTED.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxReceiveMessageSize { get; set; } = 64 * 1024;

    /// <summary>
    /// A live watch sends at most once in this many milliseconds, its cells' latest state: with the silos' 150 ms batches,
    /// a change reaches it within 550 ms plus the queues, and a busy city costs a watcher two or three messages a second.
    /// </summary>
    [Range(50, 10_000)]
    public int WatchIntervalMilliseconds { get; set; } = 400;

    /// <summary>A live watch (GridService.WatchCells) whose client has not taken a message for this long is cut off.</summary>
    [Range(1, 3600)]
    public int WatchStallSeconds { get; set; } = 30;
}
