using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Shinchoku.Core.Parsing;

namespace Shinchoku.Web.Shared;

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
