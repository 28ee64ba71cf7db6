using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reports;

namespace Shinchoku.Web.Council;

/// <summary>
/// The demo council meeting and thread from DemoData/demo-council.json (invented content, marked as such), loaded
/// with the demo data so that the council pages show something: the meeting with its 資料4 attached, and posts.
/// </summary>
public sealed class DemoCouncil(ShinchokuDb db)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, Converters = { new JsonStringEnumConverter() } };

    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "DemoData", "demo-council.json"));
        var file = await JsonSerializer.DeserializeAsync<FileModel>(stream, Json, cancellationToken) ?? throw new InvalidDataException("demo-council.json");
        var m = file.Meeting;
        var year = FiscalYear.Parse(m.FiscalYear).Value;
        var cycle = await db.ReportingCycles.Include(c => c.Plan).SingleAsync(c => c.Plan!.Key == m.Plan && c.FiscalYear == year, cancellationToken);
        var meeting = new CouncilMeeting
        {
            PlanId = cycle.PlanId,
            CycleId = cycle.Id,
            Title = m.Title,
            HeldOn = DateOnly.Parse(m.HeldOn, System.Globalization.CultureInfo.InvariantCulture),
            Members = m.Members,
            Agenda = m.Agenda,
            Advice = m.Advice,
        };
        var report = await new ReportExporter(db).LoadAsync(m.Plan, year, cancellationToken: cancellationToken);
        if (report is not null)
        {
            using var buffer = new MemoryStream();
            await ReportExporter.WriteAsync(report.Document, ExportFormat.Xlsx, buffer, null, cancellationToken);
            meeting.Materials.Add(new MeetingMaterial
            {
                FileName = ReportExporter.FileName(m.Plan, year, ExportFormat.Xlsx),
                ContentType = ReportExporter.ContentType(ExportFormat.Xlsx),
                Content = buffer.ToArray(),
                AttachedAt = new DateTimeOffset(meeting.HeldOn.ToDateTime(TimeOnly.MinValue), Core.Time.JapanTime.Offset).AddDays(-7).ToUniversalTime(),
                AttachedBy = "デモデータ",
            });
        }

        db.CouncilMeetings.Add(meeting);
        foreach (var p in file.Posts)
        {
            var reportId = await db.IndicatorReports
                .Where(r => r.FiscalYear == year && r.Indicator!.Initiative!.PlanId == cycle.PlanId && r.QuestionToExperts.Contains(p.QuestionContains))
                .Select(r => r.Id).FirstAsync(cancellationToken);
            var user = await db.Users.Where(u => u.UserName == p.User).Select(u => new { u.Id, u.DisplayName }).FirstAsync(cancellationToken);
            db.CouncilPosts.Add(new CouncilPost { IndicatorReportId = reportId, Meeting = meeting, Kind = p.Kind, Text = p.Text, By = user.DisplayName, UserId = user.Id, At = p.At.ToUniversalTime() });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record MeetingModel(string Plan, string FiscalYear, string Title, string HeldOn, string Members, string Agenda, string Advice);

    private sealed record PostModel(string QuestionContains, CouncilPostKind Kind, string User, DateTimeOffset At, string Text);

    private sealed record FileModel(MeetingModel Meeting, List<PostModel> Posts);
}
