using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;

namespace Shinchoku.Web.Features.Strategy;

/// <summary>One node of a plan's tree with its initiatives and sub-nodes. Public.</summary>
public class NodeModel(ShinchokuDb db) : PageModel
{
    public PlanNode Node { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string planKey, string nodeKey)
    {
        var tree = await PlanTree.LoadVisibleAsync(db, planKey, User);
        var node = tree?.Plan.Nodes.FirstOrDefault(n => n.Key == nodeKey);
        if (node is null)
        {
            return NotFound();
        }

        Node = node;
        return Page();
    }
}
