using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Events.Pages;

/// <summary>A hub manager creates an event as a draft; tickets, agenda and organisers follow on its organise page.</summary>
public sealed class NewModel(AgoraDbContext db, Viewers viewers, EventEditing editing, IStringLocalizer<SharedResource> t) : PageModel
{
    public string Slug { get; private set; } = "";
    public string TimeZone { get; private set; } = "";
    [BindProperty] public EventForm Input { get; set; } = new() { Languages = ["en"], Mode = EventMode.OnSite, Audience = EventAudience.HubMembers };

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct) =>
        await this.AnswerAsync(await editing.CreateAsync(slug, Input.ToInput(), ct), t["Events.Created"].Value, id => $"/hubs/{slug}/events/{id}/organise",
            async () => await LoadAsync(slug, ct) ?? Page());

    /// <summary>Null when the page may be shown; otherwise the refusal.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Slug == slug).Select(h => new { h.Id, h.TimeZone }).SingleOrDefaultAsync(ct);
        if (hub is null) return NotFound();
        var viewer = await viewers.ForHubAsync(hub.Id, ct);
        if (!viewer.May(EventOperations.Create) || viewer.IsBlocked) return this.Refusal(Platform.Errors.Outcome.Forbidden);
        Slug = slug;
        TimeZone = hub.TimeZone;
        return null;
    }
}
