using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Shinchoku.Web.Shared;

/// <summary>
/// A short fingerprint of what a form was filled from. The form carries it back; when the record has changed
/// in the meantime the save is refused, so that one administrator does not silently overwrite another.
/// </summary>
public static class EditStamp
{
    public static string Of(params object?[] values)
    {
        var text = string.Join('\u001f', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "\u0000"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8);
    }
}
