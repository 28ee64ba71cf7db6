namespace Shinchoku.Web.Tests;

/// <summary>
/// The published app started from another working folder (cd /tmp &amp;&amp; dotnet /srv/app/Shinchoku.Web.dll) reads
/// its settings and serves its style sheets from its own folder, unless a content root is configured; a build
/// output without wwwroot (dotnet run, the browser tests) keeps the host's choice, the working folder.
/// </summary>
public sealed class AppFolderTests : IDisposable
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private readonly string published = Directory.CreateTempSubdirectory("shinchoku-published-").FullName;

    public AppFolderTests() => Directory.CreateDirectory(Path.Combine(published, "wwwroot"));

    public void Dispose() => Directory.Delete(published, recursive: true);

    [Fact]
    public void WithoutConfiguration_ThePublishedAppsFolder_IsTheContentRoot_NotTheWorkingFolder()
    {
        Assert.Equal(published, AppFolder.ContentRoot([], NoEnvironment, published));
        Assert.Equal(published, AppFolder.ContentRoot(["--urls", "http://127.0.0.1:5000"], NoEnvironment, published));
    }

    [Fact]
    public void ABuildOutputWithoutWwwroot_LeavesTheContentRootToTheHost()
    {
        Directory.Delete(Path.Combine(published, "wwwroot"));
        Assert.Null(AppFolder.ContentRoot([], NoEnvironment, published));
    }

    [Theory]
    [InlineData("--contentRoot=/srv/other")]
    [InlineData("--contentroot")]
    [InlineData("/contentRoot")]
    public void AContentRootOnTheCommandLine_IsLeftToTheHost(string argument) =>
        Assert.Null(AppFolder.ContentRoot([argument, "/srv/other"], NoEnvironment, published));

    [Theory]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    [InlineData("DOTNET_CONTENTROOT")]
    public void AContentRootInTheEnvironment_IsLeftToTheHost(string variable) =>
        Assert.Null(AppFolder.ContentRoot([], name => name == variable ? "/srv/other" : null, published));
}
