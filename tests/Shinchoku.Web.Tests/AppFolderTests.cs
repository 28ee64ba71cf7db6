namespace Shinchoku.Web.Tests;

/// <summary>
/// The published app started from another working folder (cd /tmp &amp;&amp; dotnet /srv/app/Shinchoku.Web.dll) reads
/// its settings and serves its style sheets from its own folder, unless a content root is configured.
/// </summary>
public class AppFolderTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void WithoutConfiguration_TheContentRoot_IsTheAppsFolder_NotTheWorkingFolder()
    {
        Assert.Equal(AppContext.BaseDirectory, AppFolder.ContentRoot([], NoEnvironment));
        Assert.Equal(AppContext.BaseDirectory, AppFolder.ContentRoot(["--urls", "http://127.0.0.1:5000"], NoEnvironment));
        Assert.True(File.Exists(Path.Combine(AppFolder.ContentRoot([], NoEnvironment)!, "Shinchoku.Web.dll")));
    }

    [Theory]
    [InlineData("--contentRoot=/srv/other")]
    [InlineData("--contentroot")]
    [InlineData("/contentRoot")]
    public void AContentRootOnTheCommandLine_IsLeftToTheHost(string argument) =>
        Assert.Null(AppFolder.ContentRoot([argument, "/srv/other"], NoEnvironment));

    [Theory]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    [InlineData("DOTNET_CONTENTROOT")]
    public void AContentRootInTheEnvironment_IsLeftToTheHost(string variable) =>
        Assert.Null(AppFolder.ContentRoot([], name => name == variable ? "/srv/other" : null));
}
