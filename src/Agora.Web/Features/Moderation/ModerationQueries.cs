using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Html;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Moderation;

/// <summary>Reported content awaiting a decision. Only counts per reason are shown, never who reported.</summary>
public sealed record QueueItem(ReportTarget Target, long TargetId, int IdeaId, string Excerpt, string AuthorName, Guid AuthorId, int Reports,
    IReadOnlyDictionary<ReportReason, int> Reasons, IReadOnlyList<string> Details, DateTimeOffset FirstReportedAt, bool Hidden);

public sealed record BlockRow(Guid UserId, string DisplayName, string Reason, DateTimeOffset BlockedAt);

public sealed class ModerationQueries(AgoraDbContext db, Viewers viewers)
{
    private const int ExcerptLength = 200;

    /// <summary>The hub's id when the person may moderate it.</summary>
    public async Task<Guid?> ModeratedHubAsync(string slug, CancellationToken ct)
    {
        var hub = await db.Hubs.Where(h => h.Slug == slug).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(ct);
        return hub is { } id && ModerationRules.CanModerate(await viewers.ForHubAsync(id, ct)) ? id : null;
    }

    public async Task<PagedList<QueueItem>> QueueAsync(Guid hubId, int page, int pageSize, CancellationToken ct)
    {
        var open = db.Reports.Where(r => r.HubId == hubId && r.ResolvedAt == null);
        var groups = open.GroupBy(r => new { r.Target, r.TargetId })
            .Select(g => new { g.Key.Target, g.Key.TargetId, Count = g.Count(), First = g.Min(r => r.CreatedAt) });
        var total = await groups.CountAsync(ct);
        var pageRows = await groups.OrderByDescending(g => g.Count).ThenBy(g => g.First).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        if (pageRows.Count == 0) return new PagedList<QueueItem>([], page, pageSize, total);

        var ideaIds = pageRows.Where(r => r.Target == ReportTarget.Idea).Select(r => (int)r.TargetId).ToList();
        var commentIds = pageRows.Where(r => r.Target == ReportTarget.Comment).Select(r => r.TargetId).ToList();
        var ideas = await (from i in db.Ideas join u in db.Users on i.AuthorId equals u.Id
                           where ideaIds.Contains(i.Id)
                           select new { i.Id, i.Title, u.DisplayName, i.AuthorId, Hidden = i.HiddenAt != null }).ToDictionaryAsync(i => (long)i.Id, ct);
        var comments = await (from c in db.Comments join u in db.Users on c.AuthorId equals u.Id
                              where commentIds.Contains(c.Id)
                              select new { c.Id, c.IdeaId, c.Body, u.DisplayName, c.AuthorId, Hidden = c.HiddenAt != null }).ToDictionaryAsync(c => c.Id, ct);
        var targetIds = pageRows.Select(r => r.TargetId).ToList();
        var reasons = await open.Where(r => targetIds.Contains(r.TargetId))
            .Select(r => new { r.Target, r.TargetId, r.Reason, r.Details }).ToListAsync(ct);

        var items = new List<QueueItem>();
        foreach (var row in pageRows)
        {
            var mine = reasons.Where(r => r.Target == row.Target && r.TargetId == row.TargetId).ToList();
            var tally = mine.GroupBy(r => r.Reason).ToDictionary(g => g.Key, g => g.Count());
            var details = mine.Select(r => r.Details).Where(d => d.Length > 0).Take(5).ToList();
            if (row.Target == ReportTarget.Idea && ideas.TryGetValue(row.TargetId, out var i))
                items.Add(new QueueItem(row.Target, row.TargetId, i.Id, i.Title, i.DisplayName, i.AuthorId, row.Count, tally, details, row.First, i.Hidden));
            else if (row.Target == ReportTarget.Comment && comments.TryGetValue(row.TargetId, out var c))
                items.Add(new QueueItem(row.Target, row.TargetId, c.IdeaId, Excerpt(c.Body), c.DisplayName, c.AuthorId, row.Count, tally, details, row.First, c.Hidden));
        }
        return new PagedList<QueueItem>(items, page, pageSize, total);
    }

    public Task<List<BlockRow>> BlocksAsync(Guid hubId, CancellationToken ct) =>
        (from b in db.HubBlocks join u in db.Users on b.UserId equals u.Id
         where b.HubId == hubId
         orderby b.BlockedAt descending
         select new BlockRow(b.UserId, u.DisplayName, b.Reason, b.BlockedAt)).ToListAsync(ct);

    private static string Excerpt(string markdown)
    {
        var text = MarkdownRenderer.ToPlainText(markdown).ReplaceLineEndings(" ");
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "…";
    }
}
