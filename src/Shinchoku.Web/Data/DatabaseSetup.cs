using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shinchoku.Web.Data;

/// <summary>Which database server the application runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Chooses the database provider in one place (Database:Provider, ConnectionStrings:Shinchoku).</summary>
public static class DatabaseSetup
{
    /// <summary>The default: a SQLite file under the current directory.</summary>
    public const string DefaultSqliteConnection = "Data Source=data/shinchoku.db";

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(text) || text.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (text.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || text.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
            || text.Equals("Npgsql", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.PostgreSql;
        }

        throw new InvalidOperationException($"Database:Provider「{text}」は使用できません。Sqlite または PostgreSQL を指定してください。");
    }

    /// <summary>Registers <see cref="ShinchokuDb"/> for the configured provider, with the interceptors features register (the open data's change signal).</summary>
    public static IServiceCollection AddShinchokuDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ReadProvider(configuration);
        var connection = configuration.GetConnectionString("Shinchoku");
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                connection = ResolveSqliteFile(string.IsNullOrWhiteSpace(connection) ? DefaultSqliteConnection : connection);
                services.AddDbContext<ShinchokuDb, SqliteShinchokuDb>((sp, o) => o.UseSqlite(connection).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
            case DatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new InvalidOperationException("PostgreSQL を使う場合は ConnectionStrings__Shinchoku に接続文字列を指定してください。");
                }

                services.AddDbContext<ShinchokuDb, PostgreSqlShinchokuDb>((sp, o) => o.UseNpgsql(connection).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
        }

        return services;
    }

    /// <summary>
    /// A relative file is placed under the directory the command was started from (`dotnet run` starts the app
    /// in the project folder, but the shell's PWD is where the person ran it), and its folder is created.
    /// </summary>
    private static string ResolveSqliteFile(string connection)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        if (builder.DataSource is "" or ":memory:" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            return connection;
        }

        if (!Path.IsPathRooted(builder.DataSource))
        {
            var start = Environment.GetEnvironmentVariable("PWD");
            var baseDir = !string.IsNullOrEmpty(start) && Directory.Exists(start) ? start : Directory.GetCurrentDirectory();
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDir, builder.DataSource));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
