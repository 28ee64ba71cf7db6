using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Council;

/// <summary>A meeting's material as it was attached, byte for byte. Staff.</summary>
public class MaterialModel(ShinchokuDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int meetingId, int materialId)
    {
        var material = await db.MeetingMaterials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId && m.MeetingId == meetingId);
        return material is null ? NotFound() : File(material.Content, material.ContentType, material.FileName);
    }
}
