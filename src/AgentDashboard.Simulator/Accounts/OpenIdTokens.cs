using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace AgentDashboard.Simulator.Accounts;

/// <summary>Authorization codes of the organisation authority, and the signed id tokens they are exchanged for.</summary>
public sealed class OpenIdTokens(OrganisationDirectory directory, TimeProvider clock)
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan IdTokenLifetime = TimeSpan.FromHours(1);

    private sealed record Grant(string ClientId, string RedirectUri, OrganisationPerson Person, string? Nonce, string? Challenge, DateTimeOffset Expires);

    private readonly ConcurrentDictionary<string, Grant> codes = new();

    public string IssueCode(string clientId, string redirectUri, OrganisationPerson person, string? nonce, string? challenge)
    {
        string code = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
        codes[code] = new Grant(clientId, redirectUri, person, nonce, challenge, clock.GetUtcNow() + CodeLifetime);
        return code;
    }

    /// <summary>A code is good once, for the client and redirect address it was issued to, with its PKCE verifier.</summary>
    public (OrganisationPerson? Person, string? Nonce, string? Error) Redeem(string clientId, string code, string? redirectUri, string? verifier)
    {
        if (!codes.TryRemove(code, out var grant) || grant.Expires < clock.GetUtcNow() || grant.ClientId != clientId || grant.RedirectUri != redirectUri)
        {
            return (null, null, "invalid_grant");
        }
        if (grant.Challenge is not null
            && (verifier is null || WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge))
        {
            return (null, null, "invalid_grant");
        }
        return (grant.Person, grant.Nonce, null);
    }

    /// <summary>
    /// An RS256-signed id token with the claims Entra ID puts in one (oid, tid, groups, roles). Its dates are by the
    /// real clock, not the simulation's: the relying party checks them against its own clock, as a browser does a cookie's.
    /// </summary>
    public string IdToken(string issuer, string audience, OrganisationPerson person, string? nonce)
    {
        long now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = issuer, ["aud"] = audience, ["sub"] = person.ObjectId, ["oid"] = person.ObjectId,
            ["tid"] = OrganisationDirectory.TenantId, ["ver"] = "2.0",
            ["iat"] = now, ["nbf"] = now, ["exp"] = now + (long)IdTokenLifetime.TotalSeconds,
            ["name"] = person.Name, ["preferred_username"] = person.Email, ["email"] = person.Email,
            ["groups"] = person.Groups, ["roles"] = person.Roles,
        };
        if (nonce is not null) claims["nonce"] = nonce;
        var header = new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = OrganisationDirectory.SigningKeyId };
        string signed = Part(header) + "." + Part(claims);
        byte[] signature = directory.SigningKey.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + WebEncoders.Base64UrlEncode(signature);
    }

    /// <summary>The public half of the signing key as a JSON Web Key Set.</summary>
    public object KeySet()
    {
        var key = directory.SigningKey.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = OrganisationDirectory.SigningKeyId,
                    ["n"] = WebEncoders.Base64UrlEncode(key.Modulus ?? []), ["e"] = WebEncoders.Base64UrlEncode(key.Exponent ?? []),
                },
            },
        };
    }

    private static string Part<T>(T value) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(value));
}
