using System.Security.Cryptography;

namespace LectureHub.Infrastructure.CloudFront;

/// <summary>The configured key pair, as a signer (private key) and as the local CDN's verifier (its public half).</summary>
public sealed class CloudFrontKeys : IDisposable
{
    private readonly RSA _privateKey;
    private readonly RSA _publicKey;

    private CloudFrontKeys(RSA privateKey, string keyPairId, CloudFrontHash hash)
    {
        _privateKey = privateKey;
        _publicKey = RSA.Create(privateKey.ExportParameters(includePrivateParameters: false));
        Signer = new CloudFrontSigner(privateKey, keyPairId, hash);
        Verifier = new CloudFrontVerifier(new Dictionary<string, RSA> { [keyPairId] = _publicKey });
    }

    public CloudFrontSigner Signer { get; }

    public CloudFrontVerifier Verifier { get; }

    public static CloudFrontKeys Create(CloudFrontOptions options)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(options.PrivateKeyPem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException("CloudFront:PrivateKeyPem is not an RSA private key in PEM form.", ex);
        }

        return new CloudFrontKeys(rsa, options.KeyPairId, options.Hash);
    }

    public void Dispose()
    {
        _privateKey.Dispose();
        _publicKey.Dispose();
    }
}
