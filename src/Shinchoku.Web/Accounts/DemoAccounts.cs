using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Accounts;

/// <summary>
/// The roles, one demo account per role, and the reporting cycle open for entry, created with the demo data
/// from DemoData/demo-setup.json. The password is the same for all accounts and is printed in the README:
/// these accounts are for trying the system, never for production data.
/// </summary>
public sealed class DemoAccounts(ShinchokuDb db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, Reporting.ReportReview review)
{
    public const string Password = "shinchoku-demo";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<SetupFile> Setup = new(() =>
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "DemoData", "demo-setup.json"));
        return JsonSerializer.Deserialize<SetupFile>(stream, Json) ?? throw new InvalidDataException("demo-setup.json");
    });

    /// <summary>The demo accounts: user name, display name, role, department (for editors), e-mail address (for reminders).</summary>
    public static IReadOnlyList<AccountModel> All => Setup.Value.Accounts;

    public async Task CreateAsync()
    {
        foreach (var cycle in Setup.Value.OpenCycles)
        {
            var planId = await db.Plans.Where(p => p.Key == cycle.Plan).Select(p => p.Id).SingleAsync();
            var opened = new ReportingCycle
            {
                PlanId = planId,
                FiscalYear = FiscalYear.Parse(cycle.FiscalYear).Value,
                Title = cycle.Title,
                State = Enum.Parse<PublicationState>(cycle.State, ignoreCase: true),
                Deadline = cycle.Deadline is null ? null : DateOnly.Parse(cycle.Deadline, System.Globalization.CultureInfo.InvariantCulture),
            };
            db.ReportingCycles.Add(opened);
            await db.SaveChangesAsync();
            // Opened as the DX office opens a cycle: every KPI of the plan requested, each report 未着手.
            await review.RequestReportsAsync(opened, await db.Indicators.Where(i => i.Initiative!.PlanId == planId).Select(i => i.Id).ToListAsync());
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        foreach (var (userName, displayName, role, department, email) in All)
        {
            if (!Roles.All.Contains(role))
            {
                throw new InvalidDataException($"demo-setup.json: 役割 {role} はありません。");
            }

            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = userName,
                DisplayName = displayName,
                Email = email,
                DepartmentId = department is null ? null : await db.Departments.Where(d => d.Name == department).Select(d => (int?)d.Id).FirstOrDefaultAsync(),
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public sealed record AccountModel(string UserName, string DisplayName, string Role, string? Department, string? Email = null);

    private sealed record CycleModel(string Plan, string FiscalYear, string Title, string State, string? Deadline);

    private sealed record SetupFile(List<AccountModel> Accounts, List<CycleModel> OpenCycles);
}
