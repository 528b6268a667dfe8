using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.Cases.Mutations;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitioners;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Ledgers;

/// <summary>What an import found and did; each problem names its row and column, in both languages.</summary>
public sealed record LedgerImportResult(LedgerKind Kind, int Rows, int Created, int AlreadyImported, IReadOnlyList<Msg> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Imports an office's ledger: every row is checked first and every problem reported with its row and column; only a
/// ledger without problems is written, all of it in one transaction. A row imported before (same content, or for the
/// case ledger the same case number) is skipped, so importing a file twice creates nothing the second time.
/// </summary>
public sealed class LedgerImporter(PetitionDbContext db, TimeLimits limits, KeyClassRules keyClasses, OfficeTime office, TimeProvider clock)
{
    public async Task<LedgerImportResult> ImportAsync(string path, LedgerKind? kind, bool dryRun, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        // The first sheet with a ledger's header: a report's workbook has its 说明 sheet first.
        var (grid, header) = LedgerGrid.ReadSheets(path)
            .Select(g => (Grid: g, Header: kind is { } k ? LedgerLayout.Find(g, k) : LedgerLayout.Find(g, LedgerKind.Ownership) ?? LedgerLayout.Find(g, LedgerKind.Cases)))
            .FirstOrDefault(s => s.Header is not null);
        if (header is null || grid is null)
        {
            var columns = string.Join("、", LedgerLayout.Headers[kind ?? LedgerKind.Ownership]);
            var ledger = kind switch { LedgerKind.Ownership => "领导包案情况汇总表", LedgerKind.Cases => "案件台账", _ => "台账" };
            throw new LedgerFormatException(new Msg(
                $"{Path.GetFileName(path)}：前几行中未找到{ledger}的表头（{columns}）。",
                $"{Path.GetFileName(path)}: no header with the columns of a {(kind is null ? "ledger" : kind.ToString()!.ToLowerInvariant() + " ledger")} ({columns}) in the first rows."));
        }
        var source = "台账导入: " + Path.GetFileName(path);
        // A 合计 row under the cases (as this service's own forms end) is not a case.
        var rows = grid.Rows.Where(r => r.Row > header.LastRow && r.Cells.Any(c => c.Length > 0) && !r.Cells[0].StartsWith("合计", StringComparison.Ordinal)).ToList();
        var reference = await ReferenceData.LoadAsync(db, ct);
        var problems = new List<Msg>();
        var plans = header.Kind == LedgerKind.Ownership
            ? await PlanOwnershipAsync(header, rows, reference, problems, ct)
            : await PlanCasesAsync(header, rows, reference, problems, ct);
        var fresh = plans.Where(p => !p.AlreadyImported).ToList();
        // Created: what was (or, in a dry run, would be) written; nothing when any row has a problem.
        var result = new LedgerImportResult(header.Kind, rows.Count, problems.Count == 0 ? fresh.Count : 0, plans.Count(p => p.AlreadyImported), problems);
        if (problems.Count == 0 && !dryRun)
        {
            await WriteAsync(fresh, source, progress, ct);
        }
        return result;
    }

    private async Task<List<RowPlan>> PlanOwnershipAsync(LedgerHeader header, List<(int Row, string[] Cells)> rows, ReferenceData reference, List<Msg> problems, CancellationToken ct)
    {
        var plans = new List<RowPlan>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var numbered = new List<(int Row, string Number)>();
        foreach (var (row, cells) in rows)
        {
            var names = LedgerLayout.Names(header.Cell(cells, "姓名"));
            var address = header.Cell(cells, "户籍地");
            // Leaders as this service writes them carry their titles: 甄立账（党委副书记）.
            var town = LedgerLayout.Names(header.Cell(cells, "包案领导")).Select(LedgerLayout.WithoutTitle).ToList();
            var village = LedgerLayout.Names(header.Cell(cells, "村级包案领导")).Select(LedgerLayout.WithoutTitle).ToList();
            var before = problems.Count;
            var number = header.Cell(cells, "案件编号");
            if (number.Length > 0)
            {
                // A row exported from here names its case: it is that case, already in the database.
                numbered.Add((row, number));
                continue;
            }
            if (names.Count == 0)
            {
                problems.Add(new Msg($"第 {row} 行，姓名：未填写信访人", $"row {row}, 姓名: no petitioner named"));
            }
            else if (names.FirstOrDefault(n => n.Contains('*', StringComparison.Ordinal)) is { } masked)
            {
                problems.Add(new Msg($"第 {row} 行，姓名：“{masked}”为脱敏姓名；请导入含姓名的台账（由 OFFICE 导出），而非 ANALYST 导出的副本",
                    $"row {row}, 姓名: '{masked}' is masked; import a ledger exported with names (OFFICE), not an ANALYST's copy"));
            }
            var named = reference.VillagesIn(address);
            var villageId = named.Count == 1 ? named[0].Id : (int?)null;
            if (address.Length == 0)
            {
                problems.Add(new Msg($"第 {row} 行，户籍地：为空", $"row {row}, 户籍地: empty"));
            }
            else if (named.Count == 0)
            {
                problems.Add(new Msg($"第 {row} 行，户籍地：“{address}”中没有本镇任何村（社区）的名称或别名",
                    $"row {row}, 户籍地: no village of the town (nor any of their aliases) in '{address}'"));
            }
            else if (named.Count > 1)
            {
                problems.Add(new Msg($"第 {row} 行，户籍地：“{address}”同时涉及{string.Join("、", named.Select(v => $"{v.Name}（{v.Code}）"))}；请填写信访人所属的村（社区）",
                    $"row {row}, 户籍地: '{address}' names {string.Join(" and ", named.Select(v => $"{v.Name} ({v.Code})"))}; write the one the petitioner belongs to"));
            }
            if (town.Count is 0 or > 2)
            {
                problems.Add(new Msg($"第 {row} 行，包案领导：应为一至两名镇级领导，现为 {town.Count} 名", $"row {row}, 包案领导: one or two town leaders, not {town.Count}"));
            }
            var leaders = new List<(Leader, AssignmentRole)>();
            foreach (var name in town)
            {
                if (reference.Leader(name, LeaderLevel.Town) is { } leader)
                {
                    leaders.Add((leader, AssignmentRole.TownLead));
                }
                else
                {
                    problems.Add(new Msg($"第 {row} 行，包案领导：未找到镇级领导“{name}”", $"row {row}, 包案领导: leader {name} not found"));
                }
            }
            foreach (var name in village)
            {
                if (reference.Leader(name, LeaderLevel.Village) is { } leader)
                {
                    leaders.Add((leader, AssignmentRole.VillageLead));
                }
                else
                {
                    problems.Add(new Msg($"第 {row} 行，村级包案领导：未找到村级领导“{name}”", $"row {row}, 村级包案领导: leader {name} not found"));
                }
            }
            if (problems.Count > before)
            {
                continue;
            }
            var key = Key("ownership", string.Join("、", names), address, string.Join("、", town), string.Join("、", village));
            if (!seen.Add(key))
            {
                problems.Add(new Msg($"第 {row} 行：与前面的行重复", $"row {row}: the same as an earlier row"));
                continue;
            }
            var demand = header.Columns.ContainsKey("诉求") ? header.Cell(cells, "诉求").Trim() : "";
            plans.Add(new RowPlan(row, key, names, address, villageId!.Value, reference.OtherCategory, leaders, null, null, null, demand.Length > 0 ? demand : null));
        }
        await MarkImportedAsync(plans, ct);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in numbered.Select(n => n.Number).Chunk(2000))
        {
            existing.UnionWith(await db.Cases.Where(c => chunk.Contains(c.Number)).Select(c => c.Number).ToListAsync(ct));
        }
        foreach (var (row, number) in numbered)
        {
            if (existing.Contains(number))
            {
                plans.Add(new RowPlan(row, "case:" + number, [], "", 0, 0, [], number, null, null, null) { AlreadyImported = true });
            }
            else
            {
                problems.Add(new Msg($"第 {row} 行，案件编号：本系统中没有案件 {number}；如需将该行登记为新案件，请将案件编号留空",
                    $"row {row}, 案件编号: there is no case {number} here; leave 案件编号 empty to register the row as a new case"));
            }
        }
        return plans;
    }

    private async Task<List<RowPlan>> PlanCasesAsync(LedgerHeader header, List<(int Row, string[] Cells)> rows, ReferenceData reference, List<Msg> problems, CancellationToken ct)
    {
        var plans = new List<RowPlan>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lastClosedEnd = await db.ClosedPeriods.MaxAsync(p => (DateTime?)p.End, ct);
        foreach (var (row, cells) in rows)
        {
            var before = problems.Count;
            var number = header.Cell(cells, "案件编号");
            if (!CaseNumberCounter.TryParse(number, out _))
            {
                problems.Add(new Msg($"第 {row} 行，案件编号：“{number}”不是有效的案件编号（格式如 2021-0042）", $"row {row}, 案件编号: '{number}' is not a case number like 2021-0042"));
            }
            DateTime? opened = ParseDate(header.Cell(cells, "登记日期"));
            if (header.Columns.ContainsKey("登记日期") && opened is null)
            {
                problems.Add(new Msg($"第 {row} 行，登记日期：“{header.Cell(cells, "登记日期")}”不是有效日期", $"row {row}, 登记日期: '{header.Cell(cells, "登记日期")}' is not a date"));
            }
            var category = reference.Category(header.Cell(cells, "领域"));
            if (category is null)
            {
                problems.Add(new Msg($"第 {row} 行，领域：未找到领域“{header.Cell(cells, "领域")}”", $"row {row}, 领域: category {header.Cell(cells, "领域")} not found"));
            }
            var villageName = header.Cell(cells, "村（社区）");
            var village = reference.VillageNamed(villageName);
            if (village is null)
            {
                problems.Add(new Msg($"第 {row} 行，村（社区）：未找到村（社区）“{villageName}”", $"row {row}, 村（社区）: village {villageName} not found"));
            }
            var status = header.Cell(cells, "状态");
            var steps = StatusSteps(status);
            if (steps is null)
            {
                problems.Add(new Msg($"第 {row} 行，状态：“{status}”不是有效状态（待受理、办理中、已办结、已化解、已终结）",
                    $"row {row}, 状态: '{status}' is not a status (待受理, 办理中, 已办结, 已化解, 已终结)"));
            }
            if (opened is { } dated && lastClosedEnd is { } closedEnd && office.FromOffice(dated) < closedEnd)
            {
                // A ledger cannot give a reason per row: such an entry is a correction, made with registerPetition.
                problems.Add(new Msg(
                    $"第 {row} 行，登记日期：{dated:yyyy-MM-dd} 早于已关闭期间的截止日期（该期报表已发布）；请使用 registerPetition 并填写 correctionReason 登记，作为更正记录",
                    $"row {row}, 登记日期: {dated:yyyy-MM-dd} lies before the end of a closed period (its report was published); " +
                    "register it with registerPetition and a correctionReason, so it is recorded as a correction"));
            }
            var demand = header.Cell(cells, "诉求");
            if (problems.Count > before)
            {
                continue;
            }
            if (!seen.Add(number))
            {
                problems.Add(new Msg($"第 {row} 行，案件编号：{number} 重复出现", $"row {row}, 案件编号: {number} appears twice"));
                continue;
            }
            plans.Add(new RowPlan(row, "ledger-case:" + number, [], "", village!.Value, category!.Value, [], number,
                opened is { } day ? office.FromOffice(day) : null, steps, demand.Length > 0 ? demand : "见台账"));
        }
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in plans.Select(p => p.Number!).Chunk(2000))
        {
            existing.UnionWith(await db.Cases.Where(c => chunk.Contains(c.Number)).Select(c => c.Number).ToListAsync(ct));
        }
        return plans.Select(p => existing.Contains(p.Number!) ? p with { AlreadyImported = true } : p).ToList();
    }

    private async Task MarkImportedAsync(List<RowPlan> plans, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in plans.Select(p => p.Key).Chunk(2000))
        {
            known.UnionWith(await db.IdempotencyKeys.Where(k => k.Owner == IdempotencyKey.LedgerOwner && chunk.Contains(k.Key)).Select(k => k.Key).ToListAsync(ct));
        }
        for (var i = 0; i < plans.Count; i++)
        {
            plans[i] = plans[i] with { AlreadyImported = known.Contains(plans[i].Key) };
        }
    }

    /// <summary>
    /// Builds every row's case in memory (the projector derives its status, deadlines and backlog spans), takes ids
    /// from the tables' own sequences (PostgreSQL) or past the largest id (SQLite, whose writer lock the transaction
    /// holds), and writes each table in bulk — COPY on PostgreSQL — all in one transaction.
    /// </summary>
    private async Task WriteAsync(List<RowPlan> plans, string source, IProgress<(int, int)>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var thisYear = office.ToOffice(now).Year;
        var unnumbered = plans.Count(p => p.Number is null);
        var next = unnumbered == 0 ? 0 : await CaseNumbers.ReserveAsync(db, thisYear, unnumbered, ct);
        var cases = new List<Case>(plans.Count);
        foreach (var plan in plans)
        {
            var opened = plan.OpenedAt ?? now;
            var subject = new Case
            {
                Number = plan.Number ?? CaseNumberCounter.Format(thisYear, next++),
                // Never the petitioners' names in the title: titles are shown unmasked to every role.
                Title = plan.Number is null ? Title(plan.Demand, plan.Row) : $"台账事项 {plan.Number}",
                Demand = plan.Demand ?? "见包案台账",
                CategoryId = plan.CategoryId,
                VillageId = plan.VillageId,
                OpenedAt = opened,
            };
            subject.Events.Add(new CaseEvent { At = opened, Kind = CaseEventKind.Registered, Actor = "ledger", Note = source });
            subject.Petitions.Add(new Petition { ReceivedAt = opened, Channel = Channel.Letter, Level = PetitionLevel.Town, IsFirst = true });
            foreach (var name in plan.Names)
            {
                subject.Petitioners.Add(new CasePetitioner { Petitioner = new Petitioner { Name = name, Address = plan.Address, VillageId = plan.VillageId } });
            }
            foreach (var (leader, role) in plan.Leaders)
            {
                subject.Assignments.Add(new LeaderAssignment { LeaderId = leader.Id, Role = role, From = now });
            }
            var settled = false;
            foreach (var step in plan.Steps ?? [CaseEventKind.Accepted])
            {
                subject.Events.Add(new CaseEvent { At = step == CaseEventKind.Accepted ? opened : now, Kind = step, Actor = "ledger", Note = source });
                settled |= step is CaseEventKind.Resolved or CaseEventKind.Terminated;
            }
            if (!settled)
            {
                subject.Events.Add(new CaseEvent { At = now, Kind = CaseEventKind.DesignatedBacklog, Actor = "ledger", Source = source, Note = $"{source}, row {plan.Row}" });
            }
            subject.PetitionCount = 1;
            subject.LastPetitionAt = opened;
            subject.PetitionKeyClass = keyClasses.FromPetitions(subject.Petitions);
            CaseProjector.Project(subject, subject.Events, limits);
            subject.Version = subject.Events.Count;
            cases.Add(subject);
        }

        var caseIds = await IdsAsync<Case>(cases.Count, ct);
        var eventIds = await IdsAsync<CaseEvent>(cases.Sum(c => c.Events.Count), ct);
        var petitionIds = await IdsAsync<Petition>(cases.Count, ct);
        var petitionerIds = await IdsAsync<Petitioner>(cases.Sum(c => c.Petitioners.Count), ct);
        var assignmentIds = await IdsAsync<LeaderAssignment>(cases.Sum(c => c.Assignments.Count), ct);
        var intervalIds = await IdsAsync<CaseBacklogInterval>(cases.Sum(c => c.BacklogIntervals.Count), ct);
        var deadlineIds = await IdsAsync<CaseDeadline>(cases.Sum(c => c.Deadlines.Count), ct);
        foreach (var c in cases)
        {
            c.Id = caseIds.Dequeue();
            c.Events.ForEach(e => (e.Id, e.CaseId) = (eventIds.Dequeue(), c.Id));
            c.Petitions.ForEach(p => (p.Id, p.CaseId) = (petitionIds.Dequeue(), c.Id));
            c.Petitioners.ForEach(cp => (cp.Petitioner!.Id, cp.PetitionerId, cp.CaseId) = (petitionerIds.Peek(), petitionerIds.Dequeue(), c.Id));
            c.Assignments.ForEach(a => (a.Id, a.CaseId) = (assignmentIds.Dequeue(), c.Id));
            c.BacklogIntervals.ForEach(i => (i.Id, i.CaseId) = (intervalIds.Dequeue(), c.Id));
            c.Deadlines.ForEach(d => (d.Id, d.CaseId) = (deadlineIds.Dequeue(), c.Id));
        }

        var writer = new Seeding.BulkWriter(db);
        const int Chunk = 5000;
        for (var i = 0; i < cases.Count; i += Chunk)
        {
            var part = cases.Skip(i).Take(Chunk).ToList();
            await writer.WriteAsync(part.SelectMany(c => c.Petitioners.Select(cp => cp.Petitioner!)).ToList(), ct);
            await writer.WriteAsync(part, ct);
            await writer.WriteAsync(part.SelectMany(c => c.Petitioners).ToList(), ct);
            await writer.WriteAsync(part.SelectMany(c => c.Petitions).ToList(), ct);
            await writer.WriteAsync(part.SelectMany(c => c.Assignments).ToList(), ct);
            await writer.WriteAsync(part.SelectMany(c => c.Events).ToList(), ct);
            // The change feed, in this same transaction: the bulk write bypasses SaveChanges and so ChangeRecorder.
            await Changes.ChangeLog.AppendAsync(db, [.. part.SelectMany(c => c.Events).Select(e => new Changes.Change
            {
                At = now,
                Kind = Enum.Parse<Changes.ChangeKind>(e.Kind.ToString()),
                CaseId = e.CaseId,
                EntityType = nameof(Case),
                EntityId = e.CaseId,
                EventId = e.Id,
            })], ct);
            await writer.WriteAsync(part.SelectMany(c => c.BacklogIntervals).ToList(), ct);
            await writer.WriteAsync(part.SelectMany(c => c.Deadlines).ToList(), ct);
            await writer.WriteAsync(part.Select((c, k) => new IdempotencyKey { Owner = IdempotencyKey.LedgerOwner, Key = plans[i + k].Key, CaseId = c.Id, PetitionId = c.Petitions[0].Id, CreatedAt = now }).ToList(), ct);
            progress?.Report((Math.Min(i + Chunk, cases.Count), cases.Count));
        }

        // Numbers taken from a ledger are handed out: the next registration of that year continues after them.
        foreach (var year in plans.Where(p => p.Number is not null).Select(p => CaseNumberCounter.TryParse(p.Number!, out var n) ? n : default).GroupBy(n => n.Year))
        {
            var counter = await db.CaseNumberCounters.AsTracking().FirstOrDefaultAsync(c => c.Year == year.Key, ct);
            if (counter is null)
            {
                db.CaseNumberCounters.Add(new CaseNumberCounter { Year = year.Key, Last = year.Max(n => n.Sequence) });
            }
            else
            {
                counter.Last = Math.Max(counter.Last, year.Max(n => n.Sequence));
            }
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Ids for <paramref name="count"/> new rows: drawn from the table's sequence on PostgreSQL (so concurrent inserts
    /// never collide), past the largest id on SQLite (the open transaction holds the only write lock).
    /// </summary>
    private async Task<Queue<int>> IdsAsync<T>(int count, CancellationToken ct) where T : class, IEntity
    {
        if (count == 0)
        {
            return new Queue<int>();
        }
        if (db.Database.IsNpgsql())
        {
            var table = db.Model.FindEntityType(typeof(T))!.GetTableName()!;
            // The table name comes from our own model, never from input.
#pragma warning disable EF1003
            var ids = await db.Database.SqlQueryRaw<int>(
                "SELECT nextval(pg_get_serial_sequence('" + table + "', 'id'))::int AS \"Value\" FROM generate_series(1, {0})", count).ToListAsync(ct);
#pragma warning restore EF1003
            return new Queue<int>(ids);
        }
        var max = await db.Set<T>().MaxAsync(e => (int?)e.Id, ct) ?? 0;
        return new Queue<int>(Enumerable.Range(max + 1, count));
    }

    /// <summary>The steps a ledger status stands for after registration; null for an unknown status.</summary>
    private static CaseEventKind[]? StatusSteps(string status) => status.Replace(" ", "", StringComparison.Ordinal) switch
    {
        "待受理" or "登记" => [],
        "办理中" or "已受理" or "受理" or "" => [CaseEventKind.Accepted],
        "已办结" or "办结" => [CaseEventKind.Accepted, CaseEventKind.Concluded],
        "已化解" or "化解" => [CaseEventKind.Accepted, CaseEventKind.Concluded, CaseEventKind.Resolved],
        _ => null,
    };

    private static DateTime? ParseDate(string text)
    {
        var value = text.Replace("年", "-", StringComparison.Ordinal).Replace("月", "-", StringComparison.Ordinal).Replace("日", "", StringComparison.Ordinal)
            .Replace('/', '-').Replace('.', '-').Trim();
        if (DateTime.TryParseExact(value, ["yyyy-M-d", "yyyy-MM-dd", "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.Date;
        }
        // Excel keeps dates as day numbers.
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000
            ? DateTime.FromOADate(serial).Date
            : null;
    }

    private static string Key(params string[] parts) =>
        "ledger:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", parts))));

    private static string Title(string? demand, int row) =>
        demand is { Length: > 0 } text ? (text.Length > 40 ? text[..40] + "…" : text) : $"包案事项（台账导入，第 {row} 行）";

    private sealed record RowPlan(
        int Row, string Key, IReadOnlyList<string> Names, string Address, int VillageId, int CategoryId,
        IReadOnlyList<(Leader Leader, AssignmentRole Role)> Leaders, string? Number, DateTime? OpenedAt, CaseEventKind[]? Steps, string? Demand)
    {
        public bool AlreadyImported { get; init; }
    }

    /// <summary>Villages, leaders and categories by the names a ledger uses for them.</summary>
    private sealed class ReferenceData
    {
        private List<(int Id, string Name)> _villages = [];
        private VillageAliases _aliases = new([]);
        private List<Leader> _leaders = [];
        private Dictionary<string, int> _categories = [];

        public int OtherCategory { get; private set; }

        public static async Task<ReferenceData> LoadAsync(PetitionDbContext db, CancellationToken ct)
        {
            var categories = await db.Categories.Select(c => new { c.Id, c.Code, c.NameZh }).ToListAsync(ct);
            if (categories.Count == 0 || !await db.Villages.AnyAsync(ct))
            {
                // A verb run on a database the service never filled: no village or category a row could name.
                throw new LedgerFormatException(new Msg(
                    "数据库中还没有村（社区）和信访领域，台账的行无处可归；未导入任何数据。请先启动一次服务（演示模式会载入演示数据）或运行 seed。",
                    "The database has no villages or categories yet, so no row could be placed; nothing was imported. Start the service once (demo mode loads the demo data) or run seed first."));
            }
            return new ReferenceData
            {
                _villages = (await db.Villages.Select(v => new { v.Id, v.Name }).ToListAsync(ct)).Select(v => (v.Id, v.Name)).ToList(),
                _aliases = await VillageAliases.LoadAsync(db, ct),
                _leaders = await db.Leaders.Where(l => l.Active).ToListAsync(ct),
                _categories = categories.SelectMany(c => new[] { (c.Code, c.Id), (c.NameZh, c.Id) }).DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2),
                OtherCategory = categories.FirstOrDefault(c => c.Code == "OTHER")?.Id ?? categories[0].Id,
            };
        }

        /// <summary>The villages an address names, by name or alias (新山村 wins over 山村 at the same place).</summary>
        public IReadOnlyList<(int Id, string Code, string Name)> VillagesIn(string address) => _aliases.Named(address);

        public int? VillageNamed(string name) => _villages.Where(v => v.Name == name.Replace(" ", "", StringComparison.Ordinal)).Select(v => (int?)v.Id).FirstOrDefault();

        public Leader? Leader(string name, LeaderLevel level) => _leaders.FirstOrDefault(l => l.Name == name && l.Level == level);

        public int? Category(string name) => _categories.TryGetValue(name.Trim(), out var id) ? id : null;
    }
}
