using System.Security.Cryptography;

namespace LectureHub.Infrastructure.Identity;

/// <summary>
/// Development-only secrets, generated on first run and kept under .data/keys so restarts keep tokens valid.
/// Production never reaches this: its keys come from configuration.
/// </summary>
public static class DevelopmentKeys
{
    public static string LoadOrCreateBase64(string directory, string name, int bytes)
    {
        var path = Path.Combine(directory, name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
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
