using System.Security.Cryptography;
using System.Text.Json;

namespace Shinchoku.Web.Reports;

/// <summary>A file uploaded for import and kept between its preview and its commit.</summary>
/// <param name="User">Who uploaded it; only they may commit it.</param>
/// <param name="FileName">The file's name as uploaded.</param>
/// <param name="PlanKey">The plan chosen.</param>
/// <param name="FiscalYear">The fiscal year given, if any, as its start year (the staged file is JSON).</param>
/// <param name="Created">When it was uploaded.</param>
public sealed record StagedImport(string User, string FileName, string PlanKey, int? FiscalYear, DateTimeOffset Created);

/// <summary>
/// Keeps an uploaded file in a private temporary folder between the preview and the commit, under a random
/// token, for one hour and for the user who uploaded it only. The commit reads the file again and checks it
/// against the database as it is then.
/// </summary>
public static class ImportStaging
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private static string Folder
    {
        get
        {
            var folder = Path.Combine(Path.GetTempPath(), "shinchoku-import");
            if (!Directory.Exists(folder))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(folder);
                }
                else
                {
                    // Only the server's own user may read uploaded files.
                    Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            return folder;
        }
    }

    /// <summary>Keeps the file; returns its token.</summary>
    public static async Task<string> SaveAsync(byte[] content, StagedImport meta, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Cleanup(meta.Created);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllBytesAsync(Path.Combine(Folder, token + ".bin"), content, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Folder, token + ".json"), JsonSerializer.Serialize(meta), cancellationToken);
        return token;
    }

    /// <summary>The file and its details, when the token is valid, not expired and belongs to <paramref name="user"/>.</summary>
    public static async Task<(byte[] Content, StagedImport Meta)?> LoadAsync(string? token, string user, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (token is null || token.Length != 32 || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var data = Path.Combine(Folder, token + ".bin");
        var json = Path.Combine(Folder, token + ".json");
        if (!File.Exists(data) || !File.Exists(json))
        {
            return null;
        }

        var meta = JsonSerializer.Deserialize<StagedImport>(await File.ReadAllTextAsync(json, cancellationToken));
        if (meta is null || meta.User != user || now - meta.Created > Lifetime)
        {
            return null;
        }

        return (await File.ReadAllBytesAsync(data, cancellationToken), meta);
    }

    /// <summary>Removes a kept file.</summary>
    public static void Delete(string token)
    {
        if (token.Length == 32 && token.All(char.IsAsciiHexDigitLower))
        {
            File.Delete(Path.Combine(Folder, token + ".bin"));
            File.Delete(Path.Combine(Folder, token + ".json"));
        }
    }

    private static void Cleanup(DateTimeOffset now)
    {
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            if (now - File.GetLastWriteTimeUtc(file) > Lifetime)
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Another request is cleaning up too.
                }
            }
        }
    }
}
