using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Shared;

/// <summary>
/// Binds a fiscal year written in a URL as its start year (/reports/chiba/2020, ?fy=2020) to a <see cref="FiscalYear"/>,
/// once, at the page's edge. A year out of range (or not a number) is a binding error and leaves the value null, so that
/// the page answers 404 or ignores the filter instead of failing later.
/// </summary>
public sealed class FiscalYearModelBinder : IModelBinder
{
    /// <inheritdoc />
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.CompletedTask;
        }

        if (FromStartYear(text) is { } year)
        {
            bindingContext.Result = ModelBindingResult.Success(year);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                $"年度「{text}」は使えません。{FiscalYear.MinStartYear}から{FiscalYear.MaxStartYear}までの西暦の年（2020 など）で指定してください。");
        }

        return Task.CompletedTask;
    }

    /// <summary>The fiscal year starting in the year <paramref name="text"/> names in ASCII digits, or null when it names none in range.</summary>
    public static FiscalYear? FromStartYear(string? text) =>
        text is { Length: > 0 and <= 4 } && text.All(char.IsAsciiDigit)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
        && start is >= FiscalYear.MinStartYear and <= FiscalYear.MaxStartYear
            ? new FiscalYear(start)
            : null;
}

/// <summary>Uses <see cref="FiscalYearModelBinder"/> for every <see cref="FiscalYear"/> (and nullable one) a page binds.</summary>
public sealed class FiscalYearModelBinderProvider : IModelBinderProvider
{
    /// <inheritdoc />
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(FiscalYear) ? new FiscalYearModelBinder() : null;
    }
}
