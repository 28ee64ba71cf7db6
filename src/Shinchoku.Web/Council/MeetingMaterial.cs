namespace Shinchoku.Web.Council;

/// <summary>A file handed to the council (資料4 as it was sent), kept byte for byte.</summary>
public class MeetingMaterial
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset AttachedAt { get; set; }

    public required string AttachedBy { get; set; }
}
