using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Shinchoku.Web;
using Shinchoku.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.DemoData;
using Shinchoku.Web.Dashboard;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Shared;
using Shinchoku.Web.Reports;
using Shinchoku.Web.Reporting.Reminders;


// Shared/ is where Razor looks for layouts and partials; a VB keyword clash does not matter to a web app.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:Shinchoku.Web.Shared")]
if (args.Length > 0 && args[0] == "migrations")
{
    return MigrationScaffolding.Run(args);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppFolder.ContentRoot(args) });
builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
if (CommandLine.IsCommand(args))
{
    // Command mode (import/export, issue 6): logs go to standard error so that standard output carries only the
    // command's result (one JSON object with --json), and the framework's routine logs are left out.
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
}

builder.Services.AddSingleton(TimeProvider.System);
// Japanese text is written as is, not as &#x…; entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<AuditActor>();
builder.Services.AddShinchokuDatabase(builder.Configuration);
builder.Services.AddScoped<DemoDataLoader>();
builder.Services.AddScoped<DemoAccounts>();
builder.Services.AddScoped<Shinchoku.Web.Council.DemoCouncil>();
builder.Services.AddScoped<Access>();
builder.Services.AddScoped<Shinchoku.Web.Organizations.SiteIdentity>();
builder.Services.AddScoped<Shinchoku.Web.Reporting.ReportReview>();
builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
    {
        // Length over composition rules (NIST SP 800-63B); lockout against guessing.
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<ShinchokuDb>()
    .AddDefaultTokenProviders()
    .AddErrorDescriber<JapaneseIdentityErrors>();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/login";
    o.LogoutPath = "/account/logout";
    o.AccessDeniedPath = "/account/denied";
    o.Cookie.Name = "shinchoku";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    o.SlidingExpiration = true;
    // A signed-in user without the right answers 403 at the URL asked for, with the Japanese 403 page.
    o.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});
builder.Services.AddSecurity();
builder.Services.AddAuthorizationBuilder()
    // A page or endpoint that does not say who may use it is closed to everyone but signed-in staff.
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(Roles.All).Build())
    .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.All))
    .AddPolicy(Policies.DataEntry, p => p.RequireRole(Roles.Administrator, Roles.DepartmentEditor))
    .AddPolicy(Policies.DxOffice, p => p.RequireRole(Roles.Administrator));
builder.Services.AddRazorPages(o =>
{
    o.RootDirectory = "/";
    o.Conventions.AuthorizeFolder("/", Policies.Staff);
}).AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new Shinchoku.Web.Shared.FiscalYearModelBinderProvider()));
builder.Services.AddSingleton<IPdfRenderer, ChromiumPdfRenderer>();
builder.Services.AddSingleton<PdfPrinting>();
builder.Services.AddDashboard();
builder.Services.AddMail(builder.Configuration, builder.Environment);
builder.Services.AddReminders(builder.Configuration);
builder.Services.AddOpenData(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<ShinchokuDb>();
    await db.Database.MigrateAsync();
    if (!app.Configuration.GetValue<bool>("DemoData:Skip"))
    {
        if (await scope.ServiceProvider.GetRequiredService<DemoDataLoader>().LoadIfEmptyAsync())
        {
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().CreateAsync();
            await scope.ServiceProvider.GetRequiredService<Shinchoku.Web.Council.DemoCouncil>().CreateAsync();
        }
    }

    // Years stored by older rules (or before they were stored at all) are computed again once, here.
    await Shinchoku.Web.Indicators.KpiYearRecompute.RunAsync(db, all: false);
}

if (CommandLine.IsCommand(args))
{
    await using var commandScope = app.Services.CreateAsyncScope();
    return await CommandLine.RunAsync(commandScope.ServiceProvider, args);
}

app.UseSecurityHeaders();
app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseStaticFiles();
app.UseRouting();
// A URL no page or file answers is 404 with the error page for everyone; the fallback policy would otherwise send
// anonymous visitors to sign in for /no-such-page or /favicon.ico.
app.Use((context, next) =>
{
    if (context.GetEndpoint() is null)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    return next(context);
});
app.UseOpenData();
app.UseAuthentication();
app.UseAuthorization();
app.UseDashboard();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapRazorPages();
app.MapOpenData();
app.Run();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
