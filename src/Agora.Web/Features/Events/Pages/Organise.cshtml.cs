using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Files;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Events.Pages;

public sealed record CampaignChoice(string Slug, string Title);

/// <summary>
/// The organisers' page of an event: publish or cancel it, its ticket types (capacities), registration questions,
/// agenda, organisers (picked by a hub manager) and, afterwards, its outcomes and materials. One form per part.
/// </summary>
public sealed class OrganiseModel(EventQueries queries, EventEditing editing, Organising organising, AgoraDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public EventDetail Event { get; private set; } = null!;
    public IReadOnlyList<CampaignChoice> Campaigns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct) => await LoadAsync(slug, id, ct) ?? Page();

    public Task<IActionResult> OnPostPublishAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct) =>
        AnswerAsync(slug, id, editing.PublishAsync(slug, id, ct), "Events.Published", "", ct);

    public Task<IActionResult> OnPostCancelAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct) =>
        AnswerAsync(slug, id, editing.CancelAsync(slug, id, ct), "Events.EventCancelled", "", ct);

    public Task<IActionResult> OnPostSaveTicketAsync(string slug, [FromRoute(Name = "eventId")] int id, int? ticketId, [FromForm] TicketInput input, CancellationToken ct) =>
        AnswerAsync(slug, id, organising.SaveTicketAsync(slug, id, ticketId, input, ct), "Events.Saved", "Ticket", ct);

    public Task<IActionResult> OnPostAddQuestionAsync(string slug, [FromRoute(Name = "eventId")] int id, [FromForm] QuestionInput input, CancellationToken ct) =>
        AnswerAsync(slug, id, organising.AddQuestionAsync(slug, id, input, ct), "Events.Saved", "Question", ct);

    public Task<IActionResult> OnPostRemoveQuestionAsync(string slug, [FromRoute(Name = "eventId")] int id, int questionId, CancellationToken ct) =>
        AnswerAsync(slug, id, organising.RemoveQuestionAsync(slug, id, questionId, ct), "Events.Removed", "", ct);

    public Task<IActionResult> OnPostAddSessionAsync(string slug, [FromRoute(Name = "eventId")] int id, [FromForm] SessionInput input, CancellationToken ct) =>
        AnswerAsync(slug, id, organising.AddSessionAsync(slug, id, input, ct), "Events.Saved", "Session", ct);

    public Task<IActionResult> OnPostRemoveSessionAsync(string slug, [FromRoute(Name = "eventId")] int id, int sessionId, CancellationToken ct) =>
        AnswerAsync(slug, id, organising.RemoveSessionAsync(slug, id, sessionId, ct), "Events.Removed", "", ct);

    public Task<IActionResult> OnPostAddOrganiserAsync(string slug, [FromRoute(Name = "eventId")] int id, [FromForm] OrganiserInput input, CancellationToken ct) =>
        AnswerAsync(slug, id, organising.AddOrganiserAsync(slug, id, input, ct), "Events.Saved", "Organiser", ct);

    public Task<IActionResult> OnPostRemoveOrganiserAsync(string slug, [FromRoute(Name = "eventId")] int id, Guid userId, CancellationToken ct) =>
        AnswerAsync(slug, id, organising.RemoveOrganiserAsync(slug, id, userId, ct), "Events.Removed", "", ct);

    public Task<IActionResult> OnPostOutcomesAsync(string slug, [FromRoute(Name = "eventId")] int id, [FromForm] OutcomesInput input, CancellationToken ct) =>
        AnswerAsync(slug, id, organising.SaveOutcomesAsync(slug, id, input, ct), "Events.Saved", "Outcomes", ct);

    public Task<IActionResult> OnPostAddMaterialAsync(string slug, [FromRoute(Name = "eventId")] int id, [FromForm] MaterialInput input, CancellationToken ct) =>
        AnswerAsync(slug, id, organising.AddMaterialAsync(slug, id, input, ct), "Events.Saved", "Material", ct);

    public async Task<IActionResult> OnPostUploadMaterialAsync(string slug, [FromRoute(Name = "eventId")] int id, [FromForm] string? title, IFormFile? file, CancellationToken ct) =>
        await AnswerAsync(slug, id, organising.AddMaterialFileAsync(slug, id, title, await Uploads.ReadAsync(file, Uploads.MaxBytes, ct), ct), "Events.Saved", "MaterialFile", ct);

    public Task<IActionResult> OnPostRemoveMaterialAsync(string slug, [FromRoute(Name = "eventId")] int id, int materialId, CancellationToken ct) =>
        AnswerAsync(slug, id, organising.RemoveMaterialAsync(slug, id, materialId, ct), "Events.Removed", "", ct);

    private async Task<IActionResult> AnswerAsync<T>(string slug, [FromRoute(Name = "eventId")] int id, Task<Result<T>> work, string flash, string prefix, CancellationToken ct) =>
        await this.AnswerAsync(await work, t[flash].Value, _ => $"/hubs/{slug}/events/{id}/organise", async () => await LoadAsync(slug, id, ct) ?? Page(),
            prefix: prefix, errorKey: prefix.Length == 0 ? (_, _) => "" : null);

    private async Task<IActionResult?> LoadAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct)
    {
        if (await queries.GetAsync(slug, id, ct) is not { } detail) return this.Hidden();
        if (!detail.CanOrganise) return this.Refusal(Outcome.Forbidden);
        Event = detail;
        Campaigns = await db.Campaigns.AsNoTracking().Where(c => c.HubId == detail.HubId).OrderBy(c => c.Title)
            .Select(c => new CampaignChoice(c.Slug, c.Title)).ToListAsync(ct);
        return null;
    }
}
