using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Shinchoku.Core.Parsing;

namespace Shinchoku.Web.Shared;

/// <summary>
/// Refuses a POST to the staff pages it marks (every <see cref="AdminPageModel"/>) when any posted field holds a control
/// character: 400 and the error page, nothing saved. The entry form checks its fields itself, to show the message
/// beside the field (<see cref="FormText.RefuseControlCharacters"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RefuseControlCharactersAttribute : Attribute, IAsyncPageFilter
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
