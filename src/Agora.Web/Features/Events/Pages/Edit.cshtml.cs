using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Events.Pages;

/// <summary>An organiser changes the event (people registered are told once it is published).</summary>
public sealed class EditModel(EventQueries queries, EventEditing editing, IStringLocalizer<SharedResource> t) : PageModel
{
    public EventDetail Event { get; private set; } = null!;
    [BindProperty] public EventForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refusal) return refusal;
        Input = EventForm.From(Event);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct) =>
        await this.AnswerAsync(await editing.UpdateAsync(slug, id, Input.ToInput(), ct), t["Events.Saved"].Value, _ => $"/hubs/{slug}/events/{id}",
            async () => await LoadAsync(slug, id, ct) ?? Page());

    private async Task<IActionResult?> LoadAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct)
    {
        if (await queries.GetAsync(slug, id, ct) is not { } detail) return NotFound();
        if (!detail.CanOrganise) return this.Refusal(Platform.Errors.Outcome.Forbidden);
        Event = detail;
        return null;
    }
}
