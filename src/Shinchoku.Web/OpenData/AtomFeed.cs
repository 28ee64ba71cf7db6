using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.OpenData;

/// <summary>
/// /feed.atom: an Atom 1.0 feed of what the public pages announce — each publication of a year's progress and each
/// correction after publication — newest first, linking to the public pages. Ids are name-based UUIDs of what the
/// entry is about, so they stay the same across rebuilds and hosts. Anonymous; answered from the open data snapshot
/// (rebuilt with it), with its ETag and Cache-Control.
/// </summary>
public static class AtomFeed
{
    public const string Path = "/feed.atom";

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>How many entries the feed carries (newest first).</summary>
    public const int MaxEntries = 100;

    public static void Map(WebApplication app) =>
        app.MapGet(Path, Feed).AllowAnonymous().WithName("AtomFeed").ExcludeFromDescription();

    private sealed record Entry(string Key, string Title, string Summary, string Url, DateTimeOffset Updated);

    private static async Task<IResult> Feed(HttpContext context, OpenDataStore store, ShinchokuDb db, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        if (OpenDataApi.NotModified(context, s))
        {
            return TypedResults.StatusCode(304);
        }

        var origin = context.Request.Scheme + "://" + context.Request.Host.Value;
        var key = "feed.atom " + origin;
        if (s.Answer(key) is not { } feed)
        {
            feed = Write(origin, s, await EntriesAsync(db, s, cancellationToken));
            s.Keep(key, feed);
        }

        return TypedResults.Bytes(feed, "application/atom+xml; charset=utf-8");
    }

    private static async Task<List<Entry>> EntriesAsync(ShinchokuDb db, OpenDataSnapshot s, CancellationToken cancellationToken)
    {
        // Only the plans the public sees (never a draft), as in the snapshot.
        var plans = s.Plans.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var entries = new List<Entry>();
        var cycles = await db.ReportingCycles.AsNoTracking().Where(Publication.IsPublished)
            .Select(c => new { c.Id, PlanKey = c.Plan!.Key, c.FiscalYear, c.Title, c.PublishedAt }).ToListAsync(cancellationToken);
        foreach (var c in cycles.Where(c => c.PublishedAt is not null && plans.ContainsKey(c.PlanKey)))
        {
            var plan = plans[c.PlanKey];
            var fy = c.FiscalYear.StartYear.ToString(CultureInfo.InvariantCulture);
            entries.Add(new Entry(
                $"publication/{c.PlanKey}/{fy}",
                $"{plan.Name}　{c.Title}を公表しました",
                $"{plan.Name}（{plan.Organization}）の{c.FiscalYear}の進捗状況（成果指標の実績値・見込値・評価）を公表しました。",
                $"/strategy/{Uri.EscapeDataString(c.PlanKey)}?fy={fy}",
                c.PublishedAt!.Value));
        }

        var corrections = await Publication.PublicReports(db).AsNoTracking().Where(r => r.CorrectedAt != null)
            .Select(r => new
            {
                r.Id,
                r.IndicatorId,
                IndicatorName = r.Indicator!.Name,
                PlanKey = r.Indicator.Initiative!.Plan!.Key,
                r.FiscalYear,
                r.CorrectedAt,
                Reasons = r.ReviewEvents.Where(e => e.Action == ReviewAction.Reopened).Select(e => new { e.At, e.Text }).ToList(),
            })
            .ToListAsync(cancellationToken);
        foreach (var r in corrections.Where(r => plans.ContainsKey(r.PlanKey)))
        {
            var at = r.CorrectedAt!.Value;
            var reason = r.Reasons.MaxBy(e => e.At)?.Text;
            entries.Add(new Entry(
                // One entry per correction: a later correction of the same report is a new entry.
                $"correction/{r.Id}/{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
                $"訂正：{r.IndicatorName}（{r.FiscalYear}）",
                $"公表済みの{r.FiscalYear}の「{r.IndicatorName}」の値を訂正しました。" + (string.IsNullOrWhiteSpace(reason) ? "" : $"訂正の理由：{reason}"),
                $"/indicators/{r.IndicatorId.ToString(CultureInfo.InvariantCulture)}?fy={r.FiscalYear.StartYear.ToString(CultureInfo.InvariantCulture)}",
                at));
        }

        return [.. entries.OrderByDescending(e => e.Updated).ThenBy(e => e.Key, StringComparer.Ordinal).Take(MaxEntries)];
    }

    private static byte[] Write(string origin, OpenDataSnapshot s, List<Entry> entries)
    {
        var organization = s.Plans.Select(p => p.Organization).FirstOrDefault(o => o.Length > 0) ?? "";
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, "ja");
            xml.WriteElementString("id", AtomNamespace, Id("feed"));
            xml.WriteElementString("title", AtomNamespace, (organization.Length > 0 ? organization + " " : "") + "DX推進戦略の進捗状況：公表と訂正");
            xml.WriteElementString("subtitle", AtomNamespace, "Shinchoku で公表した年度ごとの進捗状況と、公表後の訂正のお知らせです。");
            xml.WriteElementString("updated", AtomNamespace, Time(entries.Count > 0 ? entries.Max(e => e.Updated) : s.LastModified ?? DateTimeOffset.UnixEpoch));
            Link(xml, origin + Path, "self", "application/atom+xml");
            Link(xml, origin + "/", "alternate", "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, organization.Length > 0 ? organization : "Shinchoku");
            xml.WriteEndElement();
            xml.WriteElementString("rights", AtomNamespace, OpenDataSetup.License);
            foreach (var e in entries)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, Id(e.Key));
                xml.WriteElementString("title", AtomNamespace, e.Title);
                xml.WriteElementString("updated", AtomNamespace, Time(e.Updated));
                xml.WriteElementString("published", AtomNamespace, Time(e.Updated));
                Link(xml, origin + e.Url, "alternate", "text/html");
                xml.WriteElementString("summary", AtomNamespace, e.Summary);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void Link(XmlWriter xml, string href, string rel, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>An RFC 3339 date-time in Japan time: 2021-06-01T10:00:00+09:00.</summary>
    private static string Time(DateTimeOffset at) => JapanTime.InJapan(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A name-based UUID (SHA-256, RFC 9562 version 8) of what an entry is about: the same every time it is built.</summary>
    private static string Id(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("shinchoku:" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
