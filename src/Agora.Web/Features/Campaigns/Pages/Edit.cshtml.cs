using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Campaigns.Pages;

public sealed class EditModel(CampaignQueries campaigns, SaveCampaign save, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public CampaignForm Input { get; set; } = new();
    public CampaignDetail Campaign { get; private set; } = null!;
    public IReadOnlyList<string> FocusAreas { get; private set; } = [];
    public IReadOnlySet<Guid> Answered { get; private set; } = new HashSet<Guid>();

    public async Task<IActionResult> OnGetAsync(string slug, string campaign, CancellationToken ct)
    {
        if (await LoadAsync(slug, campaign, ct) is { } refused) return refused;
        Input = CampaignForm.From(Campaign);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string campaign, CancellationToken ct)
    {
        if (await LoadAsync(slug, campaign, ct) is { } refused) return refused;
        Input.Slug = Campaign.Slug;
        if (!ModelState.IsValid) return Page();
        var input = Input.ToInput(out var rows);
        var result = await save.UpdateAsync(slug, campaign, input, await Input.ReadCoverAsync(ct), Input.RemoveCover, ct);
        return await this.AnswerAsync(result, t["Common.Saved"].Value, value => $"/hubs/{Campaign.HubSlug}/campaigns/{value}",
            () => Task.FromResult<IActionResult>(Page()), errors: CampaignForm.ToFormErrors(result.Errors, rows));
    }

    /// <summary>Who may not edit: 404 when they cannot see the campaign, 403 when they can.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, string campaign, CancellationToken ct)
    {
        if (await campaigns.GetAsync(slug, campaign, ct) is not { } detail) return NotFound();
        if (!detail.Actions.CanManage) return Forbid();
        Campaign = detail;
        Answered = detail.Questions.Where(q => q.HasAnswers).Select(q => q.Id).ToHashSet();
        FocusAreas = await campaigns.FocusAreaKeysAsync(ct);
        return null;
    }
}
