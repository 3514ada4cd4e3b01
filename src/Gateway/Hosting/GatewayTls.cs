using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Governance.Gateway.Hosting;

/// <summary>
/// The gRPC listener's certificate when Gateway:Url is https://: HTTP/2 over TLS (with ALPN), for a gateway reached
/// across a network. A PKCS#12 file (with its password, if any), or a PEM certificate with its PEM key.
/// </summary>
internal static class GatewayTls
{
    /// <summary>The certificate to listen with, or null for cleartext; a setting that contradicts the URL stops the start.</summary>
    /// <exception cref="OptionsValidationException">https without a certificate, a certificate without https, or a file that cannot be read.</exception>
    public static X509Certificate2? Load(GatewayOptions options, bool https)
    {
        var path = options.TlsCertificatePath;
        if (!https)
        {
            return path.Length == 0 ? null
                : throw Invalid($"Gateway:TlsCertificatePath is set but Gateway:Url '{options.Url}' is http://: use an https:// address to listen with TLS");
        }

        if (path.Length == 0)
        {
            throw Invalid($"Gateway:Url '{options.Url}' is https:// but Gateway:TlsCertificatePath is not set: give a PKCS#12 (.pfx) or PEM certificate");
        }

        try
        {
            return options.TlsKeyPath.Length > 0
                ? X509Certificate2.CreateFromPemFile(path, options.TlsKeyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(path, options.TlsCertificatePassword.Length > 0 ? options.TlsCertificatePassword : null);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw Invalid($"Gateway:TlsCertificatePath '{path}' could not be read as a certificate with its key: {ex.Message}");
        }
    }

    private static OptionsValidationException Invalid(string failure) => new(GatewayOptions.Section, typeof(GatewayOptions), [failure]);
}
