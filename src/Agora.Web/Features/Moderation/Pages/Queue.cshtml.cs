using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Moderation.Pages;

/// <summary>The moderation queue of a hub: reported content, hide/restore/dismiss, and blocked people.</summary>
public sealed class QueueModel(ModerationQueries queries, ModerateContent moderate, IStringLocalizer<SharedResource> t) : PageModel
{
    private const int PageSize = 20;

    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public string Slug { get; private set; } = "";
    public PagedList<QueueItem> Queue { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<BlockRow> Blocks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct);

    public async Task<IActionResult> OnPostHideAsync(string slug, ReportTarget target, long id, CancellationToken ct) =>
        await AfterAsync(slug, await moderate.HideAsync(slug, target, id, Reason, ct), "Moderation.Hidden", ct);

    public async Task<IActionResult> OnPostRestoreAsync(string slug, ReportTarget target, long id, CancellationToken ct) =>
        await AfterAsync(slug, await moderate.RestoreAsync(slug, target, id, ct), "Moderation.Restored", ct);

    public async Task<IActionResult> OnPostDismissAsync(string slug, ReportTarget target, long id, CancellationToken ct) =>
        await AfterAsync(slug, await moderate.DismissAsync(slug, target, id, ct), "Moderation.Dismissed", ct);

    public async Task<IActionResult> OnPostBlockAsync(string slug, Guid userId, CancellationToken ct) =>
        await AfterAsync(slug, await moderate.BlockAsync(slug, userId, Reason, ct), "Moderation.Blocked", ct);

    public async Task<IActionResult> OnPostUnblockAsync(string slug, Guid userId, CancellationToken ct) =>
        await AfterAsync(slug, await moderate.UnblockAsync(slug, userId, ct), "Moderation.Unblocked", ct);

    /// <summary>Done: the queue again with <paramref name="flashKey"/>; refused: 404, so no one learns what is moderated; invalid: the queue with the reason.</summary>
    private Task<IActionResult> AfterAsync(string slug, Result<bool> result, string flashKey, CancellationToken ct) =>
        this.AnswerAsync(result, t[flashKey].Value, _ => Url.Page(null, new { slug })!, () => LoadAsync(slug, ct), prefix: "", refused: _ => NotFound());

    private async Task<IActionResult> LoadAsync(string slug, CancellationToken ct)
    {
        if (PageNumber is < 1 or > 100_000) return BadRequest();
        if (await queries.ModeratedHubAsync(slug, ct) is not { } hubId) return NotFound();
        Slug = slug;
        Queue = await queries.QueueAsync(hubId, PageNumber ?? 1, PageSize, ct);
        Blocks = await queries.BlocksAsync(hubId, ct);
        return Page();
    }
}
