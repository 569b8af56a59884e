using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Campaigns.Pages;

public sealed class NewModel(HubQueries hubs, CampaignQueries campaigns, Viewers viewers, SaveCampaign save, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public CampaignForm Input { get; set; } = new();
    public HubDetail Hub { get; private set; } = null!;
    public IReadOnlyList<string> FocusAreas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused) return refused;
        Input = CampaignForm.ForNew(Hub.Languages.FirstOrDefault() ?? "en");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused) return refused;
        // A value the form could not read (a number or date typed wrong) is shown, not silently dropped.
        if (!ModelState.IsValid) return Page();
        var input = Input.ToInput(out var rows);
        var result = await save.CreateAsync(slug, input, await Input.ReadCoverAsync(ct), ct);
        return await this.AnswerAsync(result, t["Campaigns.Created"].Value, value => $"/hubs/{Hub.Slug}/campaigns/{value}",
            () => Task.FromResult<IActionResult>(Page()), errors: CampaignForm.ToFormErrors(result.Errors, rows));
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        Hub = hub;
        if (!(await viewers.ForHubAsync(hub.Id, ct)).CanManage) return Forbid();
        FocusAreas = await campaigns.FocusAreaKeysAsync(ct);
        return null;
    }
}
