using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinchoku.Web.Shared;


namespace Shinchoku.Web.Reporting.Reminders;

/// <summary>
/// The e-mails written to the pickup folder (development, or no SMTP server set), newest first, and one of them
/// as text: how the DX office checks the reminders without a mail server. DX office only.
/// </summary>
public class MailModel(IServiceProvider services) : PageModel
{
    /// <summary>The pickup folder, or null when mail goes out through SMTP.</summary>
    public string? Folder { get; } = services.GetService<PickupFolderSender>()?.Directory;

    public List<StoredMail> Messages { get; private set; } = [];

    /// <summary>The message asked for with ?file=, or null.</summary>
    public StoredMail? Shown { get; private set; }

    public IActionResult OnGet(string? file)
    {
        if (Folder is null)
        {
            return Page();
        }

        if (file is not null)
        {
            Shown = MailFolder.Find(Folder, file);
            return Shown is null ? NotFound() : Page();
        }

        Messages = MailFolder.List(Folder);
        return Page();
    }
}
