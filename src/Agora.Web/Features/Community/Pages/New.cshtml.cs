using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Community.Pages;

/// <summary>A hub manager drafts a call for a community role.</summary>
public sealed class NewModel(HubQueries hubs, Viewers viewers, CallSetup setup, CommunityQueries queries, IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public IReadOnlyList<StageEventOption> Events { get; private set; } = [];
    public IReadOnlyList<HeldRole> DefinedRoles { get; private set; } = [];
    [BindProperty] public CallForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        if (!(await viewers.ForHubAsync(hub.Id, ct)).May(CommunityOperations.ManageCalls)) return Forbid();
        Hub = hub;
        Events = await queries.StageEventsAsync(hub.Id, ct);
        DefinedRoles = await hubs.ActiveDefinedRolesAsync(hub.Id, ct);
        Input = new CallForm { Role = nameof(HubRoles.Fellow) }.Padded();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var result = await setup.CreateAsync(slug, Input.ToInput(await hubs.TimeZoneAsync(slug, ct)), ct);
        return await this.AnswerAsync(result, t["Calls.Drafted"].Value, id => $"/hubs/{slug}/calls/{id}", async () =>
        {
            if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
            Hub = hub;
            Events = await queries.StageEventsAsync(hub.Id, ct);
            DefinedRoles = await hubs.ActiveDefinedRolesAsync(hub.Id, ct);
            Input.Padded();
            return Page();
        }, errorKey: CallForm.ErrorKey);
    }
}
