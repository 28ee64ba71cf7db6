using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests;

/// <summary>
/// The app on a fresh database of one provider: a SQLite file in a temp folder, or a new database on the
/// PostgreSQL server that ./test.sh starts (SHINCHOKU_TEST_POSTGRES). Demo data is loaded on first start.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "SHINCHOKU_TEST_POSTGRES";

    private readonly string? tempFolder;
    private readonly string? postgresDatabase;
    private readonly IReadOnlyDictionary<string, string?> settings;

    /// <summary>
    /// Creates the app; <paramref name="sqliteMustExist"/> opens the SQLite file without creating it;
    /// <paramref name="settings"/> are configuration values set on top (e.g. OpenData:RateLimit:PermitPerMinute).
    /// </summary>
    public TestApp(DatabaseProvider provider, bool loadDemoData = true, bool sqliteMustExist = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Provider = provider;
        LoadDemoData = loadDemoData;
        this.settings = settings ?? new Dictionary<string, string?>();
        if (provider == DatabaseProvider.Sqlite)
        {
            tempFolder = Directory.CreateTempSubdirectory("shinchoku-test-").FullName;
            var file = Path.Combine(tempFolder, "shinchoku.db");
            if (sqliteMustExist)
            {
                File.WriteAllBytes(file, []);
            }

            ConnectionString = $"Data Source={file};Pooling=False" + (sqliteMustExist ? ";Mode=ReadWrite" : "");
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            postgresDatabase = "shinchoku_test_" + Guid.NewGuid().ToString("N")[..12];
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ConnectionString;
        }
    }

    /// <summary>A second instance of <paramref name="first"/>'s app on the same database, as behind a load balancer; the first one owns the database.</summary>
    public TestApp(TestApp first, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Provider = first.Provider;
        LoadDemoData = false;
        ConnectionString = first.ConnectionString;
        this.settings = settings ?? first.settings;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>
    /// The pickup folder the app writes its e-mails to (notifications, reminders): a temp folder of this app, so that no
    /// test writes into the project folder (the content root) and each test reads only its own messages.
    /// </summary>
    public string MailFolder { get; } = Directory.CreateTempSubdirectory("shinchoku-test-mail-").FullName;

    public bool LoadDemoData { get; }

    public string ConnectionString { get; }

    /// <summary>Skips the calling test with a visible reason when the provider's server is not available.</summary>
    public static void SkipUnlessAvailable(DatabaseProvider provider) =>
        Skip.If(provider == DatabaseProvider.PostgreSql && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable)),
            $"PostgreSQL のテストは ./test.sh が起動するサーバーで実行します（{PostgresVariable} が未設定）。");

    /// <summary>A scope for reading or changing the database directly.</summary>
    public AsyncServiceScope Scope(out ShinchokuDb db)
    {
        var scope = Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<ShinchokuDb>();
        return scope;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Provider == DatabaseProvider.Sqlite ? "Sqlite" : "PostgreSQL");
        builder.UseSetting("ConnectionStrings:Shinchoku", ConnectionString);
        builder.UseSetting("DemoData:Skip", LoadDemoData ? "false" : "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)";
            drop.ExecuteNonQuery();
        }

        try
        {
            Directory.Delete(MailFolder, recursive: true);
        }
        catch (IOException)
        {
            // As below.
        }

        if (tempFolder is not null)
        {
            try
            {
                Directory.Delete(tempFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown is left to the OS's temp clean-up.
            }
        }
    }
}

/// <summary>One app per provider, shared by the read-only tests of a class; created on first use.</summary>
public sealed class DemoApps : IDisposable
{
    private readonly Dictionary<DatabaseProvider, TestApp> apps = [];
    private readonly Lock gate = new();

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    public TestApp For(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        lock (gate)
        {
            if (!apps.TryGetValue(provider, out var app))
            {
                app = new TestApp(provider);
                _ = app.Server; // start now, so migrations and demo data load once
                apps.Add(provider, app);
            }

            return app;
        }
    }

    public void Dispose()
    {
        foreach (var app in apps.Values)
        {
            app.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DemoAppsGroup : ICollectionFixture<DemoApps>
{
    public const string Name = "Demo apps";
}
