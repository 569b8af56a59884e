using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Events.Pages;

/// <summary>The event page: what, when and where, the agenda, registration and the reader's own place, and what came of it.</summary>
[AllowAnonymous]
public sealed class DetailsModel(EventQueries queries, Registrations registrations, CampaignQueries campaigns, IdeaQueries ideas,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public EventDetail Event { get; private set; } = null!;
    /// <summary>Ideas of the campaign the event opened (born at the event), when the reader may read that campaign.</summary>
    public IReadOnlyList<IdeaSummary>? Ideas { get; private set; }
    public string? CampaignTitle { get; private set; }

    [BindProperty] public int? TicketTypeId { get; set; }
    [BindProperty] public Dictionary<int, string?> Answers { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct) => await LoadAsync(slug, id, ct) ? Page() : this.Hidden();

    public async Task<IActionResult> OnPostRegisterAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct)
    {
        var result = await registrations.RegisterAsync(slug, id, new RegisterInput(TicketTypeId, Answers), ct);
        return await this.AnswerAsync(result, result.IsOk ? t["RegistrationState.Done." + result.Value].Value : null, _ => $"/hubs/{slug}/events/{id}",
            async () => await LoadAsync(slug, id, ct) ? Page() : NotFound(),
            errorKey: (_, field) => field == "ticketTypeId" ? "TicketTypeId" : field.StartsWith("answers[", StringComparison.Ordinal) ? "A" + field[1..] : "");
    }

    public async Task<IActionResult> OnPostCancelAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct) =>
        await this.AnswerAsync(await registrations.CancelAsync(slug, id, ct), t["Events.Cancelled"].Value, _ => $"/hubs/{slug}/events/{id}",
            async () => await LoadAsync(slug, id, ct) ? Page() : NotFound());

    public async Task<IActionResult> OnPostConfirmAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct) =>
        await this.AnswerAsync(await registrations.ConfirmOfferAsync(slug, id, ct), t["Events.SeatConfirmed"].Value, _ => $"/hubs/{slug}/events/{id}",
            async () => await LoadAsync(slug, id, ct) ? Page() : NotFound());

    private async Task<bool> LoadAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct)
    {
        if (await queries.GetAsync(slug, id, ct) is not { } detail) return false;
        Event = detail;
        if (detail.Outcomes.CampaignId is { } campaignId && await campaigns.GetContextAsync(campaignId, ct) is { CanRead: true } campaign)
        {
            CampaignTitle = campaign.Title;
            Ideas = (await ideas.ListForCampaignAsync(campaign, new ListQuery(1, 10, "newest", false), new IdeaFilter(), ct)).Items;
        }
        return true;
    }
}
