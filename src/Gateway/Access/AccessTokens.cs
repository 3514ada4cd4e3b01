using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Gateway.Access;

/// <summary>
/// Issues and checks the city's bearer tokens: JWTs signed with HMAC-SHA256, carrying a subject, a name and roles.
/// Without a configured key the process makes its own, so tokens from one run do not open the next.
/// </summary>
public sealed class AccessTokens
{
    public const string RolesClaim = "roles";
    public const string NameClaim = "name";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _signing;
    private readonly TokenValidationParameters _validation;
    private readonly AccessOptions _options;
    private readonly TimeProvider _time;

    public AccessTokens(IOptions<AccessOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        IsDevelopmentKey = _options.SigningKey.Length == 0;
        var key = new SymmetricSecurityKey(IsDevelopmentKey ? RandomNumberGenerator.GetBytes(32) : ReadKey(_options.SigningKey));
        _signing = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
        };
    }

    /// <summary>True when no key was configured and this process signs with one of its own.</summary>
    public bool IsDevelopmentKey { get; }

    public TimeSpan DevelopmentTokenLifetime => TimeSpan.FromHours(_options.DevelopmentTokenHours);

    public string Issue(string subject, string name, IEnumerable<string> roles, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var now = _time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                [NameClaim] = name,
                [RolesClaim] = roles.ToArray(),
            },
            SigningCredentials = _signing,
        });
    }

    /// <summary>The caller the token names, or why it does not name one.</summary>
    public async Task<(Caller? Caller, string Refusal)> CheckAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid)
        {
            return (null, Describe(result.Exception));
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var roles = jwt.Claims.Where(c => c.Type == RolesClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(jwt.Subject))
        {
            return (null, "the token names no subject (sub)");
        }

        if (roles.FirstOrDefault(role => !Roles.All.Contains(role)) is { } unknown)
        {
            return (null, $"the token names an unknown role '{unknown}'; the roles are {string.Join(", ", Roles.All)}");
        }

        if (roles.Count == 0)
        {
            return (null, $"the token names no role; the roles are {string.Join(", ", Roles.All)}");
        }

        var name = jwt.TryGetPayloadValue<string>(NameClaim, out var given) && !string.IsNullOrWhiteSpace(given) ? given : jwt.Subject;
        return (new Caller(jwt.Subject, name, roles), "");
    }

    private string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException expired => $"the token expired at {expired.Expires:yyyy-MM-dd HH:mm:ss}Z",
        SecurityTokenNotYetValidException early => $"the token is not valid before {early.NotBefore:yyyy-MM-dd HH:mm:ss}Z",
        SecurityTokenNoExpirationException => "the token has no expiry (exp)",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            "the token's signature does not match this city's signing key (Auth:SigningKey)",
        SecurityTokenInvalidIssuerException => $"the token's issuer is not '{_options.Issuer}'",
        SecurityTokenInvalidAudienceException => $"the token's audience is not '{_options.Audience}'",
        SecurityTokenInvalidAlgorithmException => "the token is not signed with HS256",
        SecurityTokenMalformedException or ArgumentException => "the token is not a JWT (three base64url parts separated by dots)",
        null => "the token is not valid",
        _ => $"the token is not valid ({failure.GetType().Name})",
    };

    private static byte[] ReadKey(string base64)
    {
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written < 32)
        {
            throw new OptionsValidationException(AccessOptions.Section, typeof(AccessOptions),
                ["Auth:SigningKey must be base64 of at least 32 random bytes (e.g. from `openssl rand -base64 32`)"]);
        }

        return bytes[..written];
    }
}
