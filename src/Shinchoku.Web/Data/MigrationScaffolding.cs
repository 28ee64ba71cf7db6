#pragma warning disable EF1001 // Internal EF Core API: the design-time services of each provider, as dotnet-ef uses them.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;

namespace Shinchoku.Web.Data;

/// <summary>
/// Writes a new migration for each provider: `dotnet run --project src/Shinchoku.Web -- migrations add NAME`.
/// The dotnet-ef tool is not available here, so the app drives EF's own design-time scaffolder.
/// </summary>
internal static class MigrationScaffolding
{
    private static readonly AuditActor Designer = AuditActor.Named("design");

    public static int Run(string[] args)
    {
        if (args.Length < 3 || args[1] != "add")
        {
            Console.Error.WriteLine("使い方: migrations add 名前");
            return 2;
        }

        var name = args[2];
        var projectDir = FindProjectDirectory();
        Scaffold(new SqliteShinchokuDb(new DbContextOptionsBuilder<SqliteShinchokuDb>().UseSqlite("Data Source=:memory:").Options, Designer, TimeProvider.System),
            new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices(), projectDir, name, "Sqlite");
        Scaffold(new PostgreSqlShinchokuDb(new DbContextOptionsBuilder<PostgreSqlShinchokuDb>().UseNpgsql("Host=localhost").Options, Designer, TimeProvider.System),
            new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices(), projectDir, name, "PostgreSql");
        return 0;
    }

    private static void Scaffold(ShinchokuDb db, IDesignTimeServices providerServices, string projectDir, string name, string folder)
    {
        using (db)
        {
            var services = new ServiceCollection();
            services.AddEntityFrameworkDesignTimeServices();
            services.AddDbContextDesignTimeServices(db);
            providerServices.ConfigureDesignTimeServices(services);
            using var provider = services.BuildServiceProvider();
            var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
            var migration = scaffolder.ScaffoldMigration(name, "Shinchoku.Web", $"Data.Migrations.{folder}", "C#");
            var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Data", "Migrations", folder));
            Console.WriteLine(files.MigrationFile);
        }
    }

    private static string FindProjectDirectory()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shinchoku.slnx")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("Shinchoku.slnx が見つかりません。リポジトリ内で実行してください。")
            : Path.Combine(dir.FullName, "src", "Shinchoku.Web");
    }
}
