using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Shinchoku.Core.Parsing;

namespace Shinchoku.Web.Features;

/// <summary>Text typed into staff forms holds no control characters (the rule: <see cref="ControlCharacters"/> in Core).</summary>
public static class FormText
{
    /// <summary>Adds the form error of a field whose text holds a control character, naming the field by its label.</summary>
    public static void RefuseControlCharacters(ModelStateDictionary modelState, string key, string label, string? text)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (ControlCharacters.Describe(text) is { } why)
        {
            modelState.AddModelError(key, $"{label}に{why}。画面には見えない文字です。貼り付けた場合は、書式なしで貼り付けるか入力し直してください。");
        }
    }
}

/// <summary>
/// Refuses a POST to the staff pages it guards (administration, council) when any posted field holds a control
/// character: 400 and the error page, nothing saved. The entry form checks its fields itself, to show the message
/// beside the field (<see cref="FormText.RefuseControlCharacters"/>).
/// </summary>
public sealed class RefuseControlCharacters : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            if (form.Any(field => field.Value.Any(v => ControlCharacters.IndexOf(v) >= 0)))
            {
                context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
            }
        }

        await next();
    }
}
