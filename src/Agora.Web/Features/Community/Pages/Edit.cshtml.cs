using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Community.Pages;

/// <summary>A hub manager changes a draft call.</summary>
public sealed class EditModel(HubQueries hubs, CommunityQueries queries, CallSetup setup, IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public CallDetail Call { get; private set; } = null!;
    public IReadOnlyList<StageEventOption> Events { get; private set; } = [];
    public IReadOnlyList<HeldRole> DefinedRoles { get; private set; } = [];
    [BindProperty] public CallForm Input { get; set; } = new();

    private async Task<bool> LoadAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub || await queries.GetAsync(slug, id, ct) is not { IsManager: true, State: CallState.Draft } call) return false;
        Hub = hub;
        Call = call;
        Events = await queries.StageEventsAsync(hub.Id, ct);
        DefinedRoles = await hubs.ActiveDefinedRolesAsync(hub.Id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct)) return NotFound();
        Input = CallForm.From(Call, ZonedTime.Find(Hub.TimeZone));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct)
    {
        var result = await setup.UpdateAsync(slug, id, Input.ToInput(await hubs.TimeZoneAsync(slug, ct)), ct);
        return await this.AnswerAsync(result, t["Calls.Saved"].Value, _ => $"/hubs/{slug}/calls/{id}", async () =>
        {
            if (!await LoadAsync(slug, id, ct)) return NotFound();
            Input.Padded();
            return Page();
        }, errorKey: CallForm.ErrorKey);
    }
}
