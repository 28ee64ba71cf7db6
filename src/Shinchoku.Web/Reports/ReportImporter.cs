using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Core.Time;
using YearValue = Shinchoku.Core.Rules.YearValue;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Reports;

/// <summary>What an import does to one indicator.</summary>
public enum ImportAction
{
    /// <summary>A new indicator (and, where needed, a new initiative and tree nodes).</summary>
    New,

    /// <summary>An indicator of the plan, matched by initiative and name, whose values change.</summary>
    Update,

    /// <summary>An indicator of the plan whose values are already as in the sheet.</summary>
    Unchanged,

    /// <summary>Checked without a plan: nothing is matched.</summary>
    NotMatched,
}

/// <summary>One imported row and what saving it would do.</summary>
public sealed class ImportRowPlan
{
    /// <summary>The row as read.</summary>
    public required ImportRow Row { get; init; }

    /// <summary>New, update, unchanged, or not matched.</summary>
    public ImportAction Action { get; internal set; } = ImportAction.NotMatched;

    /// <summary>The matched indicator's id, when it exists.</summary>
    public int? IndicatorId { get; internal set; }

    /// <summary>The fields that change, in Japanese (基準値, 実績値, …).</summary>
    public List<string> Changes { get; } = [];

    /// <summary>True when the row's initiative is not in the plan and is added.</summary>
    public bool NewInitiative { get; internal set; }

    /// <summary>The report's review state before and after, when saving the row changes it (承認済 → 提出済).</summary>
    public (ReportState From, ReportState To)? StateChange { get; internal set; }

    /// <summary>Problems found when matching the row to the plan.</summary>
    public List<ImportMessage> Messages { get; } = [];

    /// <summary>Every message about the row: the reading's and the matching's.</summary>
    public IEnumerable<ImportMessage> AllMessages => Row.Messages.Concat(Messages);
}

/// <summary>The preview of an import: the reading, the plan written into, and what each row would do.</summary>
public sealed class ImportPreview
{
    /// <summary>The file as read.</summary>
    public required ImportReading Reading { get; init; }

    /// <summary>The plan's key, or null for a check without a plan.</summary>
    public string? PlanKey { get; init; }

    /// <summary>The plan's name.</summary>
    public string? PlanName { get; init; }

    /// <summary>Every row, in sheet order.</summary>
    public IReadOnlyList<ImportRowPlan> Rows { get; init; } = [];

    /// <summary>Messages about the file as a whole (the reading's and the plan's).</summary>
    public List<ImportMessage> Messages { get; } = [];

    /// <summary>Every message.</summary>
    public IEnumerable<ImportMessage> AllMessages => Messages.Concat(Rows.SelectMany(r => r.AllMessages));

    /// <summary>The number of errors (a refused file counts one).</summary>
    public int ErrorCount => (Reading.IsRefused ? 1 : 0) + AllMessages.Count(m => m.IsError);

    /// <summary>The number of warnings.</summary>
    public int WarningCount => AllMessages.Count(m => !m.IsError);

    /// <summary>What importing would do: the file's verdict with the plan's own blocks (frozen reports, unknown initiatives) added.</summary>
    public ImportVerdict Verdict => ImportReading.Decide(Reading.IsRefused, Rows.Count, AllMessages);

    /// <summary>True when the rows can be saved into the plan.</summary>
    public bool CanCommit => PlanKey is not null && Verdict == ImportVerdict.Commits;

    /// <summary>The number of rows with the action.</summary>
    public int Count(ImportAction action) => Rows.Count(r => r.Action == action);
}

/// <summary>The outcome of saving an import.</summary>
/// <param name="Committed">True when every row was saved; false when nothing was.</param>
/// <param name="Preview">What was (or would have been) saved.</param>
/// <param name="AuditEntries">The audit entries written.</param>
public sealed record ImportOutcome(bool Committed, ImportPreview Preview, int AuditEntries);

/// <summary>
/// Matches imported rows to a plan's indicators (by initiative and indicator name, folded for width and
/// spacing) and saves them all in one transaction, or nothing: new indicators, initiatives and tree nodes
/// are added, existing ones updated field by field (only what changed, so the audit log records each change),
/// the reporting cycle of the year created as a draft when missing. Only the columns the sheet has are written.
/// A report changes only as <see cref="ReportRules.Change"/> allows an import: in place where the department may
/// edit, refused when published, otherwise back to 提出済 with a review event. A row without 取組名 (資料4-3) hangs
/// on the deepest group label it carries, through the node's own initiative (one titled as the node, placed under it).
/// </summary>
/// With an <see cref="ImportScope"/> (a department's entry sheet), only the report columns of the department's own requested
/// KPIs are read, every other row is refused with its reason, and a report changes only as the entry form may change it.
public sealed class ReportImporter(ShinchokuDb db, AuditActor? actor = null, TimeProvider? clock = null, ImportScope? scope = null)
{
    /// <summary>Called after each save inside the transaction (with the stage number); tests use it to inject a fault.</summary>
    internal Func<int, CancellationToken, Task>? AfterSave { get; set; }

    /// <summary>Matches the rows to the plan without saving anything; without a plan key, only the reading is shown.</summary>
    public async Task<ImportPreview> PreviewAsync(ImportReading reading, string? planKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.IsRefused || planKey is null)
        {
            var unmatched = new ImportPreview { Reading = reading, Rows = reading.Rows.Select(r => new ImportRowPlan { Row = r }).ToList() };
            unmatched.Messages.AddRange(reading.Messages);
            return unmatched;
        }

        var session = await Session.LoadAsync(db, planKey, reading, track: false, Events(), scope, cancellationToken);
        return session.Match(apply: false);
    }

    /// <summary>
    /// Saves every row into the plan in one transaction, or nothing when any row has a problem that blocks
    /// saving, or when saving fails. The audit log records every changed field under the current actor.
    /// </summary>
    public async Task<ImportOutcome> CommitAsync(ImportReading reading, string planKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(planKey);
        if (reading.IsRefused)
        {
            return new ImportOutcome(false, await PreviewAsync(reading, planKey, cancellationToken), 0);
        }

        var auditBefore = await db.AuditEntries.CountAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var session = await Session.LoadAsync(db, planKey, reading, track: true, Events(), scope, cancellationToken);
            var preview = session.Match(apply: false);
            if (!preview.CanCommit)
            {
                db.ChangeTracker.Clear();
                return new ImportOutcome(false, preview, 0);
            }

            // Stage 1: the tree, initiatives, departments and reporting cycles the rows need, and the changes to existing indicators.
            session.Match(apply: true);
            session.AddStructure();
            await db.SaveChangesAsync(cancellationToken);
            await Hook(1, cancellationToken);

            // Stage 2: the new indicators, with their targets and reports.
            await session.SaveIndicatorsAsync(cancellationToken);
            await Hook(2, cancellationToken);

            await transaction.CommitAsync(cancellationToken);
            var audit = await db.AuditEntries.CountAsync(cancellationToken) - auditBefore;
            return new ImportOutcome(true, preview, audit);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private Task Hook(int stage, CancellationToken cancellationToken) => AfterSave?.Invoke(stage, cancellationToken) ?? Task.CompletedTask;

    /// <summary>Who records the review events of an import, and when.</summary>
    private (string By, DateTimeOffset At) Events() => (actor?.Name ?? "取り込み", (clock ?? TimeProvider.System).GetUtcNow());

    /// <summary>
    /// The plan's data loaded for one import, and the matching of rows to it. Every look-up is by dictionary (nodes
    /// by folded title, initiatives by title and by the node they stand for, departments by name), so matching and
    /// creating grow linearly with the rows.
    /// </summary>
    private sealed class Session
    {
        private readonly ShinchokuDb db;
        private readonly ImportReading reading;
        private readonly Plan plan;
        private readonly (string By, DateTimeOffset At) events;
        private readonly ImportScope? scope;
        private readonly List<PlanNode> nodes;
        private readonly Dictionary<int, PlanNode> nodesById;
        private readonly Dictionary<PlanNode, int> nodeIndex = [];
        private readonly Dictionary<string, List<PlanNode>> nodesByKey = new(StringComparer.Ordinal);
        private readonly Dictionary<PlanNode, int> childCount = [];
        private int rootCount;
        private readonly Dictionary<string, List<Initiative>> initiativesByTitle;
        /// <summary>The initiative that stands for a node: titled as the node and placed under it; it holds the KPIs that hang on the node itself (資料4-3).</summary>
        private readonly Dictionary<PlanNode, Initiative> nodeInitiatives = [];
        private readonly Dictionary<int, List<Indicator>> indicatorsByInitiative;
        private readonly Dictionary<string, Department> departmentsByName = new(StringComparer.Ordinal);
        /// <summary>The plan's reporting cycles by fiscal year, with those this import creates.</summary>
        private readonly Dictionary<FiscalYear, ReportingCycle> cycles;
        private readonly HashSet<string> nodeKeys;
        private readonly HashSet<string> initiativeKeys;
        private readonly List<PlanNode> newNodes = [];
        private readonly List<Initiative> newInitiatives = [];
        private readonly List<Indicator> newIndicators = [];
        private readonly List<Department> newDepartments = [];
        private readonly Dictionary<PlanNode, int> placementsPerNode;
        private int nextOrder;

        private Session(ShinchokuDb db, ImportReading reading, Plan plan, List<PlanNode> nodes, List<Initiative> initiatives,
            List<Indicator> indicators, List<Department> departments, Dictionary<FiscalYear, ReportingCycle> cycles, (string, DateTimeOffset) events, ImportScope? scope)
        {
            this.scope = scope;
            this.db = db;
            this.reading = reading;
            this.plan = plan;
            this.nodes = nodes;
            this.cycles = cycles;
            this.events = events;
            nodesById = nodes.ToDictionary(n => n.Id);
            foreach (var node in nodes)
            {
                Index(node);
                if (ParentOf(node) is { } parent)
                {
                    childCount[parent] = childCount.GetValueOrDefault(parent) + 1;
                }
                else
                {
                    rootCount++;
                }
            }

            foreach (var department in departments)
            {
                departmentsByName.TryAdd(department.Name, department);
            }

            initiativesByTitle = initiatives.GroupBy(i => HeaderText.Key(i.Title)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var initiative in initiatives)
            {
                var placement = initiative.Placements.FirstOrDefault(p => p.IsPrimary) ?? initiative.Placements.FirstOrDefault();
                if (placement is not null && nodesById.TryGetValue(placement.NodeId, out var node) && StandsFor(initiative, node))
                {
                    nodeInitiatives.TryAdd(node, initiative);
                }
            }

            indicatorsByInitiative = indicators.GroupBy(i => i.InitiativeId).ToDictionary(g => g.Key, g => g.ToList());
            nodeKeys = nodes.Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
            initiativeKeys = initiatives.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
            nextOrder = indicators.Count == 0 ? 0 : indicators.Max(i => i.Order) + 1;
            var placed = initiatives.SelectMany(i => i.Placements).GroupBy(p => p.NodeId).ToDictionary(g => g.Key, g => g.Count());
            placementsPerNode = nodes.ToDictionary(n => n, n => placed.GetValueOrDefault(n.Id));
        }

        public static async Task<Session> LoadAsync(ShinchokuDb db, string planKey, ImportReading reading, bool track, (string, DateTimeOffset) events, ImportScope? scope, CancellationToken ct)
        {
            IQueryable<T> Q<T>(IQueryable<T> q) where T : class => track ? q : q.AsNoTracking();
            var plan = await Q(db.Plans).FirstOrDefaultAsync(p => p.Key == planKey, ct)
                ?? throw new PlanNotFoundException(planKey, await db.Plans.OrderBy(p => p.Id).Select(p => p.Key).ToListAsync(ct));
            var years = reading.Rows.Select(r => r.FiscalYear).OfType<FiscalYear>().Distinct().ToList();
            var nodes = await Q(db.PlanNodes).Where(n => n.PlanId == plan.Id).OrderBy(n => n.Id).ToListAsync(ct);
            var initiatives = await Q(db.Initiatives).Where(i => i.PlanId == plan.Id).Include(i => i.Placements).ToListAsync(ct);
            var indicators = await Q(db.Indicators).Where(i => i.Initiative!.PlanId == plan.Id)
                .Include(i => i.Targets)
                .Include(i => i.Departments)
                .Include(i => i.Reports.Where(r => years.Contains(r.FiscalYear))).ThenInclude(r => r.Overrides)
                .AsSplitQuery()
                .ToListAsync(ct);
            var departments = await Q(db.Departments).Where(d => d.OrganizationId == plan.OrganizationId).OrderBy(d => d.Id).ToListAsync(ct);
            var cycles = await Q(db.ReportingCycles).Where(c => c.PlanId == plan.Id).ToDictionaryAsync(c => c.FiscalYear, ct);
            return new Session(db, reading, plan, nodes, initiatives, indicators, departments, cycles, events, scope);
        }

        /// <summary>Matches every row; with <paramref name="apply"/>, also changes the loaded entities and creates the new ones.</summary>
        public ImportPreview Match(bool apply)
        {
            var preview = new ImportPreview
            {
                Reading = reading,
                PlanKey = plan.Key,
                PlanName = plan.Name,
                Rows = reading.Rows.Select(r => new ImportRowPlan { Row = r }).ToList(),
            };
            preview.Messages.AddRange(reading.Messages);
            if (scope is not null && reading.Layouts.SelectMany(l => l.Columns.Keys).Any(c => !ImportScope.ReportColumns.Contains(c) && !ImportScope.CheckedColumns.Contains(c)
                && !ReportColumns.Groups.Contains(c) && c is not (ReportColumn.Indicator or ReportColumn.Note)))
            {
                preview.Messages.Add(new ImportMessage(MessageSeverity.Warning,
                    "入力用シートからは実績値・見込値と文章の列だけを取り込みます。所管課・評価などの列は読み込みません（変更が必要な場合はDX推進担当にご連絡ください）。"));
            }

            var pendingInitiatives = new Dictionary<string, Initiative>(StringComparer.Ordinal);
            var pendingIndicators = new Dictionary<(string, string), Indicator>();
            foreach (var item in preview.Rows)
            {
                var row = item.Row;
                if (row.Indicator.Length == 0 || row.Parent.Length == 0)
                {
                    continue;
                }

                var initiative = FindInitiative(row);
                var indicatorKey = HeaderText.Key(row.Indicator);
                Indicator? indicator = null;
                if (initiative is not null)
                {
                    indicator = indicatorsByInitiative.GetValueOrDefault(initiative.Id)?
                        .FirstOrDefault(i => HeaderText.Key(i.Name) == indicatorKey);
                }

                if (scope is not null && !InScope(item, indicator))
                {
                    continue;
                }

                if (indicator is null && apply)
                {
                    var key = PathKey(row) + "\u0001" + HeaderText.Key(row.Initiative);
                    if (initiative is null && !pendingInitiatives.TryGetValue(key, out initiative))
                    {
                        initiative = CreateInitiative(row);
                        pendingInitiatives.Add(key, initiative);
                    }

                    if (!pendingIndicators.TryGetValue((key, indicatorKey), out indicator))
                    {
                        indicator = new Indicator { Initiative = initiative, Name = row.Indicator.Trim(), Order = nextOrder++ };
                        pendingIndicators.Add((key, indicatorKey), indicator);
                        newIndicators.Add(indicator);
                    }
                }

                item.NewInitiative = initiative is null || initiative.Id == 0;
                item.IndicatorId = indicator is { Id: > 0 } ? indicator.Id : null;
                if (initiative is null && row.Area.Length == 0 && row.Section.Length == 0 && row.Subsection.Length == 0)
                {
                    item.Messages.Add(Blocking(row, $"取組「{OneLine(row.Initiative)}」は計画「{plan.Name}」にありません。新しい取組を追加するには、大項目・中項目の列が必要です。"));
                }

                if (row.FiscalYear is not { } year)
                {
                    continue;
                }

                var report = indicator?.Reports.FirstOrDefault(r => r.FiscalYear == year);
                row.Evaluate(indicator?.Direction, report is null ? null : KpiYears.Overrides(report));
                var target = indicator ?? new Indicator { Name = row.Indicator };
                Sync(target, row, year, item, apply);
                item.Action = indicator is null || indicator.Id == 0 ? ImportAction.New
                    : item.Changes.Count == 0 ? ImportAction.Unchanged : ImportAction.Update;
                if (item.Changes.Count > 0 && report is not null)
                {
                    Review(item, report, year, apply);
                }

                if (apply && !cycles.ContainsKey(year))
                {
                    cycles[year] = new ReportingCycle { Plan = plan, FiscalYear = year, Title = $"{year} 進捗状況", State = PublicationState.Draft };
                    db.ReportingCycles.Add(cycles[year]);
                }
            }

            return preview;
        }

        /// <summary>
        /// For a department's entry sheet: true when the row is of one of its requested KPIs, of the year taking entries, and
        /// its report has not changed since the sheet was made; otherwise the row gets a message saying why it is refused.
        /// </summary>
        private bool InScope(ImportRowPlan item, Indicator? indicator)
        {
            var row = item.Row;
            var limit = scope!;
            string? refusal = null;
            if (indicator is null || indicator.Id == 0 || !limit.IndicatorIds.Contains(indicator.Id))
            {
                refusal = $"成果指標「{OneLine(row.Indicator)}」は、{limit.Department}に{limit.FiscalYear}の入力を依頼された成果指標ではないため、取り込めません。";
            }
            else if (row.FiscalYear != limit.FiscalYear)
            {
                refusal = $"{(row.FiscalYear?.ToString() ?? "年度のない")}の行は取り込めません。入力を受け付けている{limit.FiscalYear}の行だけを取り込みます。";
            }
            else if (indicator.Reports.FirstOrDefault(r => r.FiscalYear == limit.FiscalYear) is { } report && limit.VersionOf(row) is var version && version != report.Version)
            {
                refusal = version is null
                    ? "管理番号の列がないか読み取れないため、どの時点の内容か確かめられません。「入力用シートをダウンロード」で作ったシートに入力してください。"
                    : $"「{OneLine(row.Indicator)}」の報告は、シートをダウンロードした後にほかの方が変更しました。上書きしないよう取り込みません。シートをダウンロードし直して入力してください。";
            }

            // The baseline and targets are printed in the sheet for reference; a change to them is the DX office's to make.
            refusal ??= ImportScope.CheckedColumns.Where(row.Has).Select(c => (Column: c, Text: row.Text(c).Trim()))
                .Where(c => c.Text.Length > 0 && c.Column switch
                {
                    ReportColumn.Baseline => indicator!.Baseline.Text != c.Text,
                    _ => !indicator!.Targets.Any(t => t.Kind == (c.Column == ReportColumn.InterimTarget ? TargetKind.Interim : TargetKind.Final) && t.Value.Text == c.Text),
                })
                .Select(c => $"{c.Column.Label()}「{OneLine(c.Text)}」は入力用シートでは変更できません。変更が必要な場合はDX推進担当にご連絡ください。")
                .FirstOrDefault();
            if (refusal is null)
            {
                return true;
            }

            item.Messages.Add(Blocking(row, refusal));
            return false;
        }

        /// <summary>
        /// The review rule for a changed report (<see cref="ReportRules.Change"/>, as the entry form follows it): refused
        /// when published; back to 提出済 with a review event where the department could not edit it; else in place.
        /// </summary>
        private void Review(ImportRowPlan item, IndicatorReport report, FiscalYear year, bool apply)
        {
            var row = item.Row;
            var before = report.State;
            var change = ReportRules.Change(scope is null ? ReportChannel.Import : ReportChannel.EntryForm, before, cycles.GetValueOrDefault(year));
            var what = $"{year}の「{OneLine(row.Indicator)}」の報告";
            switch (change.Effect)
            {
                case ChangeEffect.Refused when scope is not null:
                    // A department changes through its sheet only what its entry form may change.
                    item.Messages.Add(Blocking(row, $"{what}は変更できません（{ReportRules.Describe(before)}）。{change.Why}"));
                    return;
                case ChangeEffect.Refused:
                    // Published reports are frozen: a correction goes through reopening, with a reason, on the review page.
                    item.Messages.Add(Blocking(row, $"{what}は公表済みのため、取り込みでは変更できません。訂正する場合は、DX推進担当が審査画面で「訂正のため差し戻す」を行ってから入力してください。"));
                    return;
                case ChangeEffect.BackToSubmitted:
                    item.Messages.Add(new ImportMessage(MessageSeverity.Warning, $"シート「{row.Sheet}」{row.Row}行目: {what}は「{ReportRules.Describe(before)}」です。{ReportRules.ImportPreviewNote(before)}")
                    {
                        Sheet = row.Sheet,
                        Row = row.Row,
                    });
                    if (apply)
                    {
                        db.ReviewEvents.Add(new ReviewEvent
                        {
                            IndicatorReportId = report.Id,
                            Action = ReviewAction.Submitted,
                            Text = ReportRules.ImportedChangeNote(before, item.Changes, reading.FileName),
                            By = events.By,
                            At = events.At,
                        });
                    }

                    break;
            }

            if (change.After != before)
            {
                item.StateChange = (before, change.After);
                if (apply)
                {
                    report.State = change.After;
                }
            }
        }

        public void AddStructure()
        {
            db.PlanNodes.AddRange(newNodes);
            db.Initiatives.AddRange(newInitiatives);
            db.Departments.AddRange(newDepartments);
        }

        /// <summary>
        /// Saves the new indicators in chunks, letting each go once saved (all inside the import's transaction): every
        /// save scans what the change tracker holds, so holding 20,000 KPIs' graphs made the import quadratic.
        /// </summary>
        public async Task SaveIndicatorsAsync(CancellationToken cancellationToken)
        {
            Release();
            foreach (var chunk in newIndicators.Chunk(1000))
            {
                foreach (var indicator in chunk)
                {
                    // By key: the initiative, saved in stage 1, is no longer tracked.
                    indicator.InitiativeId = indicator.Initiative!.Id;
                    indicator.Initiative = null;
                }

                db.Indicators.AddRange(chunk);
                await db.SaveChangesAsync(cancellationToken);
                Release();
            }
        }

        /// <summary>Stops tracking what is saved, but the departments that new indicators still link to.</summary>
        private void Release()
        {
            foreach (var entry in db.ChangeTracker.Entries().ToList())
            {
                if (entry.Entity is not Department)
                {
                    entry.State = EntityState.Detached;
                }
            }
        }

        private Initiative? FindInitiative(ImportRow row)
        {
            if (row.HangsOnGroup)
            {
                return FindPath(row, create: false) is { } node ? nodeInitiatives.GetValueOrDefault(node) : null;
            }

            if (!initiativesByTitle.TryGetValue(HeaderText.Key(row.Initiative), out var candidates) || candidates.Count == 0)
            {
                return null;
            }

            if (candidates.Count == 1)
            {
                return candidates[0];
            }

            // The same title under several fields: the one whose place in the tree has the row's groups.
            var wanted = new[] { row.Area, row.Section, row.Subsection }.Where(t => t.Length > 0).Select(HeaderText.Key).ToList();
            return candidates.FirstOrDefault(i =>
            {
                var placement = i.Placements.FirstOrDefault(p => p.IsPrimary) ?? i.Placements.FirstOrDefault();
                var path = placement is null ? [] : Ancestors(nodesById.GetValueOrDefault(placement.NodeId)).SelectMany(NodeKeys).ToHashSet(StringComparer.Ordinal);
                return wanted.All(path.Contains);
            }) ?? candidates[0];
        }

        private PlanNode? ParentOf(PlanNode node) => node.Parent ?? (node.ParentId is { } p ? nodesById.GetValueOrDefault(p) : null);

        private IEnumerable<PlanNode> Ancestors(PlanNode? node)
        {
            for (; node is not null; node = ParentOf(node))
            {
                yield return node;
            }
        }

        private static IEnumerable<string> NodeKeys(PlanNode node) =>
            [HeaderText.Key(node.Title), HeaderText.Key(node.Label + node.Title)];

        /// <summary>True when <paramref name="initiative"/> stands for <paramref name="node"/> itself: titled as the node.</summary>
        private static bool StandsFor(Initiative initiative, PlanNode node) => NodeKeys(node).Contains(HeaderText.Key(initiative.Title));

        private void Index(PlanNode node)
        {
            nodeIndex[node] = nodeIndex.Count;
            foreach (var key in NodeKeys(node).Distinct(StringComparer.Ordinal))
            {
                if (!nodesByKey.TryGetValue(key, out var list))
                {
                    nodesByKey[key] = list = [];
                }

                list.Add(node);
            }
        }

        private static string PathKey(ImportRow row) => string.Join('\u0001', HeaderText.Key(row.Area), HeaderText.Key(row.Section), HeaderText.Key(row.Subsection));

        /// <summary>
        /// The node of the row's deepest group label, found along 大項目 / 中項目 / 小項目; with <paramref name="create"/>,
        /// the missing ones are created. Outer labels that are not in the tree above a label that is one of its roots are
        /// headings only: 資料4-3 prints 推進を支える土台づくり above the pillars, which the strategy's tree holds as roots.
        /// </summary>
        private PlanNode? FindPath(ImportRow row, bool create)
        {
            PlanNode? parent = null;
            var missing = new List<(string Text, NodeKind Kind)>();
            foreach (var (text, kind) in new[] { (row.Area, NodeKind.Area), (row.Section, NodeKind.Field), (row.Subsection, NodeKind.Subsection) })
            {
                if (text.Length == 0)
                {
                    continue;
                }

                if (missing.Count > 0)
                {
                    if (FindNode(null, text, kind) is { } root && ParentOf(root) is null)
                    {
                        missing.Clear();
                        parent = root;
                    }
                    else
                    {
                        missing.Add((text, kind));
                    }

                    continue;
                }

                var found = FindNode(parent, text, kind);
                if (found is not null)
                {
                    parent = found;
                }
                else if (parent is null)
                {
                    missing.Add((text, kind));
                }
                else if (create)
                {
                    parent = CreateNode(parent, text, kind);
                }
                else
                {
                    return null;
                }
            }

            if (missing.Count > 0 && !create)
            {
                return null;
            }

            foreach (var (text, kind) in missing)
            {
                parent = CreateNode(parent, text, kind);
            }

            return parent;
        }

        /// <summary>
        /// A new initiative under the row's 大項目 / 中項目 / 小項目, creating the nodes that are missing; for a row without
        /// 取組名, the initiative that stands for its deepest group node (titled as the node).
        /// </summary>
        private Initiative CreateInitiative(ImportRow row)
        {
            var parent = FindPath(row, create: true);
            var title = row.HangsOnGroup && parent is not null ? parent.Title : row.Initiative.Trim();
            var initiative = new Initiative { Plan = plan, PlanId = plan.Id, Key = UniqueKey(initiativeKeys, "import-i"), Title = title };
            if (parent is not null)
            {
                var order = placementsPerNode.GetValueOrDefault(parent);
                placementsPerNode[parent] = order + 1;
                initiative.Placements.Add(new InitiativePlacement { Node = parent, IsPrimary = true, Order = order });
                if (row.HangsOnGroup)
                {
                    nodeInitiatives[parent] = initiative;
                }
            }

            newInitiatives.Add(initiative);
            return initiative;
        }

        /// <summary>
        /// The node titled <paramref name="text"/>: under <paramref name="parent"/>, the nearest below it (then the first
        /// in the tree); at the top, anywhere in the plan, a node of <paramref name="kind"/> first, then an area or pillar.
        /// </summary>
        private PlanNode? FindNode(PlanNode? parent, string text, NodeKind kind)
        {
            if (!nodesByKey.TryGetValue(HeaderText.Key(text), out var candidates))
            {
                return null;
            }

            if (parent is null)
            {
                return candidates.MinBy(n => (n.Kind == kind ? 0 : n.Kind is NodeKind.Area or NodeKind.Pillar ? 1 : 2, nodeIndex[n]));
            }

            PlanNode? best = null;
            (int Depth, int Index) bestRank = (int.MaxValue, int.MaxValue);
            foreach (var candidate in candidates)
            {
                var depth = 0;
                for (var up = ParentOf(candidate); up is not null; up = ParentOf(up))
                {
                    depth++;
                    if (up == parent)
                    {
                        var rank = (depth, nodeIndex[candidate]);
                        if (rank.CompareTo(bestRank) < 0)
                        {
                            (best, bestRank) = (candidate, rank);
                        }

                        break;
                    }
                }
            }

            return best;
        }

        private PlanNode CreateNode(PlanNode? parent, string text, NodeKind kind)
        {
            var (label, title) = SplitLabel(text.Trim());
            int order;
            if (parent is null)
            {
                order = rootCount++;
            }
            else
            {
                order = childCount.GetValueOrDefault(parent);
                childCount[parent] = order + 1;
            }

            var node = new PlanNode
            {
                Plan = plan,
                PlanId = plan.Id,
                Parent = parent,
                Key = UniqueKey(nodeKeys, "import-n"),
                Kind = kind,
                Label = label,
                Title = title,
                Order = order,
            };
            nodes.Add(node);
            Index(node);
            newNodes.Add(node);
            return node;
        }

        /// <summary>「ア ICTを活用した…」 → (ア, ICTを活用した…); 「（ア）行政手続き…」 → (（ア）, 行政手続き…).</summary>
        internal static (string Label, string Title) SplitLabel(string text)
        {
            var space = text.IndexOfAny([' ', '\u3000']);
            if (space is > 0 and <= 4)
            {
                return (text[..space], text[(space + 1)..].Trim());
            }

            if (text.Length > 2 && text[0] is '（' or '(')
            {
                var close = text.IndexOfAny(['）', ')']);
                if (close is > 0 and <= 4 && close + 1 < text.Length)
                {
                    return (text[..(close + 1)], text[(close + 1)..].Trim());
                }
            }

            return ("", text);
        }

        private static string UniqueKey(HashSet<string> taken, string prefix)
        {
            for (var n = taken.Count + 1; ; n++)
            {
                var key = $"{prefix}{n:D4}";
                if (taken.Add(key))
                {
                    return key;
                }
            }
        }

        /// <summary>Compares the indicator with the row, field by field; with <paramref name="apply"/>, writes what differs.</summary>
        private void Sync(Indicator indicator, ImportRow row, FiscalYear year, ImportRowPlan item, bool apply)
        {
            var changes = item.Changes;
            void Value(string label, RecordedValue current, YearValue next, Action<RecordedValue> set)
            {
                if (current.Text != next.Text)
                {
                    changes.Add(label);
                    if (apply)
                    {
                        set(RecordedValue.Of(next));
                    }
                }
            }

            void Text(string label, string current, string next, Action<string> set)
            {
                if (current != next)
                {
                    changes.Add(label);
                    if (apply)
                    {
                        set(next);
                    }
                }
            }

            var indicatorLevel = scope is null;
            if (indicatorLevel && row.Has(ReportColumn.Baseline))
            {
                Value("基準値", indicator.Baseline, row.Year.Baseline, v => indicator.Baseline = v);
            }

            if (indicatorLevel && row.BaselineYear is { } baselineYear && indicator.BaselineFiscalYear != baselineYear)
            {
                changes.Add("基準値の年度");
                if (apply)
                {
                    indicator.BaselineFiscalYear = baselineYear;
                }
            }

            if (indicatorLevel && ReportTableNumber.Parse(row.Table) is { Success: true } table && indicator.ReportTable != table.Value)
            {
                changes.Add("資料");
                if (apply)
                {
                    indicator.ReportTable = table.Value;
                }
            }

            if (indicatorLevel)
            {
                SyncTarget(indicator, row, TargetKind.Interim, year, item, apply);
                SyncTarget(indicator, row, TargetKind.Final, year, item, apply);
            }

            if (indicatorLevel && row.Has(ReportColumn.Department))
            {
                SyncDepartments(indicator, row.Text(ReportColumn.Department), changes, apply);
            }

            var report = indicator.Reports.FirstOrDefault(r => r.FiscalYear == year);
            var isNew = report is null;
            // A report that arrives in a sheet counts as submitted: the DX office reviews and approves it before it is public.
            report ??= new IndicatorReport { FiscalYear = year, State = ReportState.Submitted };
            var before = changes.Count;
            var fy = year.ToString();
            if (row.Has(ReportColumn.Actual))
            {
                Value(fy + "実績値", report.Actual, row.Year.Actual, v => report.Actual = v);
            }

            if (row.Has(ReportColumn.Projection))
            {
                Value(fy + "末見込値", report.Projection, row.Year.Projection, v =>
                {
                    // A projection from a sheet was worked out there: the method chosen on the entry form no longer applies.
                    report.Projection = v;
                    report.ProjectionMethod = v.Text.Length == 0 ? Core.Projections.ProjectionMethod.None : Core.Projections.ProjectionMethod.Own;
                });
            }

            void Narrative(ReportColumn column, string current, Action<string> set)
            {
                if (row.Has(column))
                {
                    Text(column.Label(), current, row.Text(column), set);
                }
            }

            Narrative(ReportColumn.ProjectionBasis, report.ProjectionBasis, t => report.ProjectionBasis = t);
            Narrative(ReportColumn.Status, report.Status, t => report.Status = t);
            Narrative(ReportColumn.MissedReason, report.MissedReason, t => report.MissedReason = t);
            Narrative(ReportColumn.Countermeasure, report.Countermeasure, t => report.Countermeasure = t);
            Narrative(ReportColumn.Challenges, report.Challenges, t => report.Challenges = t);
            Narrative(ReportColumn.Plan, report.Plan, t => report.Plan = t);
            Narrative(ReportColumn.Question, report.QuestionToExperts, t => report.QuestionToExperts = t);
            // Marks that only restate the system's own marks (an exported 資料4 coming back) never replace the marks
            // printed in the original sheet: those record a person's judgement (不明, ↘ ×) that the rule does not give.
            var shown = Shinchoku.Reports.Export.ReportMarks.Shown(row.Year);
            void Mark(ReportColumn column, string current, string system, Action<string> set)
            {
                if (!indicatorLevel || !row.Has(column))
                {
                    return;
                }

                var text = ImportRow.StripOverrideMark(row.Text(column), out _);
                if (current.Length > 0 && text == ImportRow.StripOverrideMark(system, out _))
                {
                    return;
                }

                Text("印字された" + column.Label(), current, text, set);
            }

            Mark(ReportColumn.Trend, report.PrintedTrend, shown.Trend, t => report.PrintedTrend = t);
            Mark(ReportColumn.Rating, report.PrintedRating, shown.Rating, t => report.PrintedRating = t);
            Mark(ReportColumn.InterimReached, report.PrintedInterimReached, shown.InterimReached, t => report.PrintedInterimReached = t);
            if (apply && isNew && changes.Count > before)
            {
                indicator.Reports.Add(report);
            }

            if (apply)
            {
                // Values, targets or the baseline may have changed: every year of the indicator is computed again.
                KpiYears.StoreAll(indicator);
            }
        }

        private static void SyncTarget(Indicator indicator, ImportRow row, TargetKind kind, FiscalYear reportYear, ImportRowPlan item, bool apply)
        {
            var column = kind == TargetKind.Interim ? ReportColumn.InterimTarget : ReportColumn.FinalTarget;
            if (!row.Has(column))
            {
                return;
            }

            var read = kind == TargetKind.Interim ? row.Year.InterimTarget : row.Year.FinalTarget;
            var text = read.Text;
            var existing = indicator.Targets.Where(t => t.Kind == kind).ToList();
            var inForce = KpiYears.InForce(indicator, reportYear);
            var chosen = (kind == TargetKind.Interim ? inForce.Interim : inForce.Final)?.FiscalYear;
            var year = (kind == TargetKind.Interim ? row.InterimYear : row.FinalYear) ?? chosen;
            var label = column.Label();
            if (year is null)
            {
                if (text.Length > 0)
                {
                    item.Messages.Add(new ImportMessage(MessageSeverity.Error,
                        $"シート「{row.Sheet}」{row.Row}行目: {label}の年度が見出しにないため、目標値「{OneLine(text)}」を登録できません。見出しを「{label}（令和7年度）」のように書いてください。")
                    { Sheet = row.Sheet, Row = row.Row, Column = row.Cells[column].Letter, CellText = text, BlocksCommit = true });
                }

                return;
            }

            var target = existing.FirstOrDefault(t => t.FiscalYear == year);
            if (target is null)
            {
                if (text.Length > 0)
                {
                    item.Changes.Add($"{label}（{year.Value}）");
                    if (apply)
                    {
                        indicator.Targets.Add(new IndicatorTarget { Kind = kind, FiscalYear = year.Value, Value = RecordedValue.Of(read) });
                    }
                }

                return;
            }

            if (target.Value.Text != text && text.Length > 0)
            {
                item.Changes.Add(label);
                if (apply)
                {
                    target.Value = RecordedValue.Of(read);
                }
            }
        }

        private void SyncDepartments(Indicator indicator, string text, List<string> changes, bool apply)
        {
            var names = text.Split(['、', ',', '，', '・', '/', '／', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.Ordinal).ToList();
            var current = indicator.Departments.Select(d => d.Name).ToList();
            if (names.Count == 0 || names.Order(StringComparer.Ordinal).SequenceEqual(current.Order(StringComparer.Ordinal)))
            {
                return;
            }

            changes.Add("所管課");
            if (!apply)
            {
                return;
            }

            indicator.Departments.Clear();
            foreach (var name in names)
            {
                if (!departmentsByName.TryGetValue(name, out var department))
                {
                    department = new Department { OrganizationId = plan.OrganizationId, Name = name };
                    departmentsByName.Add(name, department);
                    newDepartments.Add(department);
                }

                indicator.Departments.Add(department);
            }
        }

        private static ImportMessage Blocking(ImportRow row, string text) =>
            new(MessageSeverity.Error, $"シート「{row.Sheet}」{row.Row}行目: {text}") { Sheet = row.Sheet, Row = row.Row, BlocksCommit = true };

        private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
    }
}

/// <summary>The plan named for an import or export does not exist.</summary>
public sealed class PlanNotFoundException : Exception
{
    /// <summary>Creates the exception with the plans that do exist.</summary>
    public PlanNotFoundException(string key, IReadOnlyList<string> existing)
        : base($"計画「{key}」はありません。登録されている計画: {(existing.Count == 0 ? "（なし）" : string.Join("、", existing))}")
    {
        Key = key;
    }

    /// <summary>Creates the exception.</summary>
    public PlanNotFoundException()
        : base("計画がありません。")
    {
        Key = "";
    }

    /// <summary>Creates the exception.</summary>
    public PlanNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = "";
    }

    /// <summary>The key asked for.</summary>
    public string Key { get; }
}

