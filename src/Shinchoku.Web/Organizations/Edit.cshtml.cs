using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Shared;
using Shinchoku.Web.Strategy;

namespace Shinchoku.Web.Organizations;

/// <summary>Edits an organisation's public identity: name, emblem, contact, accessibility policy, privacy notice. DX office only.</summary>
public partial class EditModel(ShinchokuDb db) : AdminPageModel
{
    public Organization Organization { get; private set; } = null!;

    [BindProperty]
    public OrganizationForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string organizationCode)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == organizationCode);
        if (organization is null)
        {
            return NotFound();
        }

        Organization = organization;
        Form = new OrganizationForm
        {
            Name = organization.Name,
            EmblemPath = organization.EmblemPath,
            ContactDepartment = organization.ContactDepartment,
            ContactPhone = organization.ContactPhone,
            ContactEmail = organization.ContactEmail,
            ContactAddress = organization.ContactAddress,
            AccessibilityTarget = organization.AccessibilityTarget,
            AccessibilityPolicy = organization.AccessibilityPolicy,
            PrivacyPolicy = organization.PrivacyPolicy,
            Version = organization.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string organizationCode)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Code == organizationCode);
        if (organization is null)
        {
            return NotFound();
        }

        Organization = organization;
        var name = Text("name", "団体名", Form.Name, nameof(Organization.Name), required: true);
        var emblem = Text("emblem", "紋章の画像", Form.EmblemPath, nameof(Organization.EmblemPath));
        if (emblem.Length > 0 && !IsImagePath(emblem))
        {
            Fail("emblem", "紋章の画像は、このサイトの中のパス（/images/emblem.svg など、/ で始まるもの）で入力してください。");
        }

        var department = Text("department", "問い合わせ先の部署", Form.ContactDepartment, nameof(Organization.ContactDepartment));
        var phone = Text("phone", "電話番号", Form.ContactPhone, nameof(Organization.ContactPhone));
        if (phone.Length > 0 && !PhonePattern().IsMatch(phone))
        {
            Fail("phone", "電話番号は、数字とハイフン（043-223-2217 など）で入力してください。");
        }

        var email = Text("email", "メールアドレス", Form.ContactEmail, nameof(Organization.ContactEmail));
        if (email.Length > 0 && !EmailPattern().IsMatch(email))
        {
            Fail("email", "メールアドレスは、dx@example.lg.jp のように入力してください。");
        }

        var address = Text("address", "住所", Form.ContactAddress, nameof(Organization.ContactAddress));
        var target = Text("target", "目標とする適合レベル", Form.AccessibilityTarget, nameof(Organization.AccessibilityTarget));
        var accessibility = Text("accessibility", "ウェブアクセシビリティ方針", Form.AccessibilityPolicy, nameof(Organization.AccessibilityPolicy));
        var privacy = Text("privacy", "個人情報の取扱い", Form.PrivacyPolicy, nameof(Organization.PrivacyPolicy));
        if (!IsValid)
        {
            return Page();
        }

        organization.Name = name;
        organization.EmblemPath = emblem;
        organization.ContactDepartment = department;
        organization.ContactPhone = phone;
        organization.ContactEmail = email;
        organization.ContactAddress = address;
        organization.AccessibilityTarget = target;
        organization.AccessibilityPolicy = accessibility;
        organization.PrivacyPolicy = privacy;
        db.SaveOnlyAtVersion(organization, Form.Version);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            Fail(null, "この団体の情報は、この画面を開いたあとでほかの人が変更しました。入力した内容は残してあります。ページを開き直して最新の内容を確かめてから、もう一度保存してください。");
            return Page();
        }

        return DoneAndRedirect($"「{name}」の団体の情報を保存しました。サイトの下部と方針のページに表示しています。", "/admin/organizations");
    }

    /// <summary>A field trimmed, required or not, and no longer than the database keeps (the EF configuration is the one home of the lengths).</summary>
    private string Text(string field, string label, string? typed, string property, bool required = false)
    {
        var text = (typed ?? "").Trim();
        var max = db.Model.FindEntityType(typeof(Organization))!.FindProperty(property)!.GetMaxLength();
        if (required && text.Length == 0)
        {
            Fail(field, $"{label}を入力してください。");
        }
        else if (max is { } m && text.Length > m)
        {
            Fail(field, $"{label}は {m} 文字以内で入力してください（いまは {text.Length} 文字です）。");
        }

        return text;
    }

    // Only this site's own files: the content security policy allows images from the site alone.
    private static bool IsImagePath(string path) =>
        path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal);

    [GeneratedRegex(@"^[0-9０-９][0-9０-９\-－() ]{4,}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
