using System.Security.Cryptography;

namespace LectureHub.Infrastructure;

/// <summary>
/// Development-only secrets, generated on first run and kept under .data/keys so restarts keep tokens valid.
/// Production never reaches this: its keys come from configuration.
/// </summary>
public static class DevelopmentKeys
{
    public static string LoadOrCreateBase64(string directory, string name, int bytes) =>
        LoadOrCreate(directory, name, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));

    /// <summary>An RSA private key in PKCS#8 PEM, e.g. the CloudFront signing key of the local CDN.</summary>
    public static string LoadOrCreateRsaPem(string directory, string name, int bits)
    {
        return LoadOrCreate(directory, name, () =>
        {
            using var rsa = RSA.Create(bits);
            return rsa.ExportPkcs8PrivateKeyPem();
        });
    }

    private static string LoadOrCreate(string directory, string name, Func<string> create)
    {
        var path = Path.Combine(directory, name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = create();
        var temp = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temp, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use theirs so both sign with one key.
            File.Delete(temp);
        }

        return File.ReadAllText(path).Trim();
    }
}
