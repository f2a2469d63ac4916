using System.Security.Cryptography;
using System.Text;

namespace AmbassadorNet.AppHost.Composition;

/// <summary>
/// The webhooks service's key-encryption key on this machine (Webhooks:SecretsKey): 32 random bytes
/// in a file made once, readable by its owner only. Unlike the per-run keys it must outlive the run:
/// the key ring it protects is in the webhooks database, which persists between runs.
/// </summary>
public sealed record LocalSecretsKey(string Id, string Key)
{
    /// <summary>Reads the key at <paramref name="path"/>, creating it first when there is none (two AppHosts starting at once agree on one).</summary>
    public static LocalSecretsKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var draft = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(draft, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft); // another AppHost made it first: use theirs
            }
        }

        var key = File.ReadAllText(path).Trim();
        // Named after the key itself, so a replaced file shows as another key id rather than a silent mismatch.
        return new LocalSecretsKey("local-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)))[..8], key);
    }
}
