using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Shared;
using Shinchoku.Web.Strategy;

namespace Shinchoku.Web.Organizations;

/// <summary>The organisations and their public identity. DX office only.</summary>
public class IndexModel(ShinchokuDb db) : AdminPageModel
{
    public List<Organization> Organizations { get; private set; } = [];

    public async Task OnGetAsync() => Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
}
