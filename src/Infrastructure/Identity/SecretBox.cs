using System.Security.Cryptography;

namespace LectureHub.Infrastructure.Identity;

/// <summary>
/// AES-GCM sealing of small secrets stored in the database (a TOTP secret, an instructor's account number): a random
/// 96-bit nonce, the ciphertext and the 128-bit tag, base64. One key per purpose, derived from the JWT signing key.
/// </summary>
internal sealed class SecretBox(byte[] key)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string Seal(ReadOnlySpan<byte> secret)
    {
        var sealedBytes = new byte[NonceBytes + secret.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, secret, sealedBytes.AsSpan(NonceBytes, secret.Length), sealedBytes.AsSpan(NonceBytes + secret.Length));
        return Convert.ToBase64String(sealedBytes);
    }

    public byte[] Open(string sealedText)
    {
        var sealedBytes = Convert.FromBase64String(sealedText);
        var secret = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, secret.Length), sealedBytes.AsSpan(NonceBytes + secret.Length), secret);
        return secret;
    }
}
