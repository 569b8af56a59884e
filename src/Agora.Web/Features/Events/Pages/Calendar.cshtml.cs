using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Events.Pages;

/// <summary>The person's own calendar feed: make it, replace it (the old address stops working) or revoke it. The address is shown once.</summary>
public sealed class CalendarModel(Calendars calendars, IStringLocalizer<SharedResource> t) : PageModel
{
    public DateTimeOffset? CreatedAt { get; private set; }
    public string? NewAddress { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => CreatedAt = await calendars.FeedCreatedAsync(ct);

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        NewAddress = calendars.FeedAddress(await calendars.RenewFeedAsync(ct));
        CreatedAt = await calendars.FeedCreatedAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await calendars.RevokeFeedAsync(ct);
        TempData["Flash"] = t["Events.FeedRevoked"].Value;
        return Redirect("/calendar");
    }
}
