using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shinchoku.Web.Shared;

/// <summary>Japanese error pages: a reference id for failures, never a stack trace. Public.</summary>
public partial class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Heading { get; private set; } = "エラーが発生しました";

    public string Message { get; private set; } = "";

    public string? ReferenceId { get; private set; }

    /// <summary>
    /// Answers <paramref name="status"/> with this page saying <paramref name="heading"/> and <paramref name="message"/>
    /// instead of the status's general words (the page is shown by the status-code pages after the result).
    /// </summary>
    public static StatusCodeResult Explained(HttpContext context, int status, string heading, string message)
    {
        context.Features.Set(new Explanation(heading, message));
        return new StatusCodeResult(status);
    }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        if (code is >= 400 and <= 599)
        {
            Response.StatusCode = code.Value;
        }

        switch (code)
        {
            case 404:
                Heading = "ページが見つかりません";
                Message = "お探しのページは移動または削除された可能性があります。アドレスをご確認ください。";
                break;
            case 403:
                Heading = "このページを表示する権限がありません";
                Message = "必要な権限をお持ちでない場合は、DX推進担当にお問い合わせください。";
                break;
            case 405:
                Heading = "この方法ではページを利用できません";
                Message = "リンクやボタンからもう一度お試しください。";
                break;
            case 503:
                Heading = "ただいま混み合っています";
                Message = "しばらくしてからもう一度お試しください。";
                break;
            case 400:
                Heading = "リクエストを処理できませんでした";
                Message = "入力内容をご確認のうえ、もう一度お試しください。";
                break;
            default:
                ReferenceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
                Message = "申し訳ありません。処理中に問題が発生しました。しばらくしてからもう一度お試しください。";
                var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
                if (failure is not null)
                {
                    LogFailure(logger, failure.Error, failure.Path, ReferenceId);
                }

                break;
        }

        if (HttpContext.Features.Get<Explanation>() is { } explained)
        {
            Heading = explained.Heading;
            Message = explained.Message;
        }
    }

    private sealed record Explanation(string Heading, string Message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}; reference {ReferenceId}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string path, string referenceId);
}
