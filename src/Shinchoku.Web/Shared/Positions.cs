namespace Shinchoku.Web.Shared;

/// <summary>Places an item among its siblings at a position (1 = first) and numbers the siblings 0, 1, 2 … again.</summary>
public static class Positions
{
    public static void Place<T>(List<T> siblings, T item, int? position, Action<T, int> setOrder)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        ArgumentNullException.ThrowIfNull(setOrder);
        siblings.Remove(item);
        var index = position is { } p ? Math.Clamp(p - 1, 0, siblings.Count) : siblings.Count;
        siblings.Insert(index, item);
        Renumber(siblings, setOrder);
    }

    public static void Renumber<T>(List<T> siblings, Action<T, int> setOrder)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        ArgumentNullException.ThrowIfNull(setOrder);
        for (var i = 0; i < siblings.Count; i++)
        {
            setOrder(siblings[i], i);
        }
    }
}
