using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Notifications.Pages;

public sealed class IndexModel(NotificationQueries queries, CurrentUser current) : PageModel
{
    private const int PageSize = 30;

    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery] public bool Unread { get; set; }

    public PagedList<NotificationRow> Result { get; private set; } = new([], 1, PageSize, 0);
    public int UnreadCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PageNumber is < 1 or > 100_000) return BadRequest();
        Result = await queries.ListAsync(current.RequiredId, Unread, PageNumber ?? 1, PageSize, ct);
        UnreadCount = await queries.UnreadCountAsync(current.RequiredId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(long? id, CancellationToken ct)
    {
        await queries.MarkReadAsync(current.RequiredId, id, ct);
        return RedirectToPage();
    }
}
