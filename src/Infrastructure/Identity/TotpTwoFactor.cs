using System.Security.Cryptography;
using System.Text;
using LectureHub.Application.Abstractions;
using Microsoft.Extensions.Options;
using OtpNet;
using QRCoder;

namespace LectureHub.Infrastructure.Identity;

/// <summary>
/// TOTP with Otp.NET (160-bit secrets, SHA-1, 6 digits, 30 s, one step of drift either way), the secret sealed with
/// AES-GCM under a key derived from the JWT signing key; QR codes with QRCoder; recovery codes of 50 random bits in
/// Crockford's base32, stored as HMACs.
/// </summary>
internal sealed class TotpTwoFactor(IOptions<JwtOptions> options) : ITwoFactor
{
    public const string Issuer = "LectureHub";

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U
    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    private readonly SecretBox _secrets = new(JwtTokenService.DerivedKey(options.Value, "totp-secret"));
    private readonly byte[] _recoveryKey = JwtTokenService.DerivedKey(options.Value, "recovery-code");

    public TotpSetup NewTotp(string accountName)
    {
        var key = KeyGeneration.GenerateRandomKey(20);
        var secret = Base32Encoding.ToString(key);
        var uri = new OtpUri(OtpType.Totp, secret, accountName, Issuer).ToString();
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new TotpSetup(secret, _secrets.Seal(key), uri, new PngByteQRCode(qr).GetGraphic(8));
    }

    public long? MatchTotp(string protectedSecret, string code, DateTimeOffset now)
    {
        var digits = code.Replace(" ", "", StringComparison.Ordinal);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit)
               && new Totp(_secrets.Open(protectedSecret)).VerifyTotp(now.UtcDateTime, digits, out var step, Drift)
            ? step
            : null;
    }

    public string NewRecoveryCode()
    {
        var chars = new char[11];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i == 5 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    public string HashRecoveryCode(string code)
    {
        var normalized = new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexStringLower(HMACSHA256.HashData(_recoveryKey, Encoding.ASCII.GetBytes(normalized)));
    }
}
