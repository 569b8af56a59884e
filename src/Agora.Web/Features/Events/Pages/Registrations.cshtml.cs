using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Events.Pages;

/// <summary>
/// The organisers' list of an event: who registered and waits, in order, with their answers; approve, decline or
/// promote; check people in by their code or tick them present on the list (plain forms, made for a phone).
/// </summary>
public sealed class RegistrationsModel(EventQueries queries, Registrations registrations, IStringLocalizer<SharedResource> t) : PageModel
{
    public EventDetail Event { get; private set; } = null!;
    public IReadOnlyList<RegistrationRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct) => await LoadAsync(slug, id, ct) ?? Page();

    public async Task<IActionResult> OnPostCodeAsync(string slug, [FromRoute(Name = "eventId")] int id, [FromForm] string? code, CancellationToken ct) =>
        await AnswerAsync(slug, id, await registrations.CheckInAsync(slug, id, null, code, true, ct), "Events.CheckedIn", ct);

    public async Task<IActionResult> OnPostAttendanceAsync(string slug, [FromRoute(Name = "eventId")] int id, int registrationId, bool attended, CancellationToken ct) =>
        await AnswerAsync(slug, id, await registrations.CheckInAsync(slug, id, registrationId, null, attended, ct), attended ? "Events.CheckedIn" : "Events.Saved", ct);

    public async Task<IActionResult> OnPostApproveAsync(string slug, [FromRoute(Name = "eventId")] int id, int registrationId, CancellationToken ct) =>
        await AnswerAsync(slug, id, await registrations.DecideAsync(slug, id, registrationId, true, ct), "Events.Saved", ct);

    public async Task<IActionResult> OnPostDeclineAsync(string slug, [FromRoute(Name = "eventId")] int id, int registrationId, CancellationToken ct) =>
        await AnswerAsync(slug, id, await registrations.DecideAsync(slug, id, registrationId, false, ct), "Events.Saved", ct);

    public async Task<IActionResult> OnPostPromoteAsync(string slug, [FromRoute(Name = "eventId")] int id, int registrationId, CancellationToken ct) =>
        await AnswerAsync(slug, id, await registrations.PromoteAsync(slug, id, registrationId, ct), "Events.Saved", ct);

    private async Task<IActionResult> AnswerAsync<T>(string slug, [FromRoute(Name = "eventId")] int id, Result<T> result, string flash, CancellationToken ct) =>
        await this.AnswerAsync(result, t[flash].Value, _ => $"/hubs/{slug}/events/{id}/registrations", async () => await LoadAsync(slug, id, ct) ?? Page(),
            errorKey: (_, field) => field == "code" ? "Code" : "");

    private async Task<IActionResult?> LoadAsync(string slug, [FromRoute(Name = "eventId")] int id, CancellationToken ct)
    {
        var found = await queries.RegistrationsAsync(slug, id, ct);
        if (found is null)
            return await queries.GetAsync(slug, id, ct) is null ? this.Hidden() : this.Refusal(Outcome.Forbidden);
        (Event, Rows) = found.Value;
        return null;
    }
}
