using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Html;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Campaigns.Pages;

[AllowAnonymous]
public sealed class DetailsModel(CampaignQueries campaigns, MarkdownRenderer markdown, FollowCampaign follow, ChangeCampaignState states,
    SetCampaignFeatured featured, CurrentUser current, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The campaign as the rules see it, for the ideas list (the Ideas area's CampaignIdeas view component).</summary>
    public CampaignContext Context { get; private set; } = null!;

    public CampaignDetail Campaign { get; private set; } = null!;
    /// <summary>The description as sanitised HTML (MarkdownRenderer); the only markup the page does not encode.</summary>
    public string DescriptionHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, string campaign, CancellationToken ct) =>
        await LoadAsync(slug, campaign, ct) ?? Page();

    public async Task<IActionResult> OnPostFollowAsync(string slug, string campaign, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Challenge();
        return Answer(await follow.FollowAsync(slug, campaign, ct), slug, campaign, "Campaigns.Followed");
    }

    public async Task<IActionResult> OnPostUnfollowAsync(string slug, string campaign, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Challenge();
        return Answer(await follow.UnfollowAsync(slug, campaign, ct), slug, campaign, "Campaigns.Unfollowed");
    }

    public async Task<IActionResult> OnPostStateAsync(string slug, string campaign, [FromForm(Name = "state")] string? target, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Challenge();
        // An unknown name is passed on as "not a state" so the handler refuses it like any other.
        CampaignState? to = CampaignQueries.TryParseState(target, out var parsed) ? parsed : (CampaignState)(-1);
        var result = await states.ChangeAsync(slug, campaign, to, ct);
        return await AnswerChangeAsync(result, result.IsOk ? t["Campaigns.StateChanged", t["CampaignState." + result.Value]].Value : null, slug, campaign, ct);
    }

    public async Task<IActionResult> OnPostFeatureAsync(string slug, string campaign, [FromForm(Name = "featured")] bool? value, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Challenge();
        var result = await featured.SetAsync(slug, campaign, value, ct);
        return await AnswerChangeAsync(result, result.IsOk ? (result.Value ? t["Campaigns.NowFeatured"] : t["Campaigns.NoLongerFeatured"]).Value : null,
            slug, campaign, ct);
    }

    private IActionResult Answer<T>(Result<T> result, string slug, string campaign, string flashKey)
    {
        switch (result.Outcome)
        {
            case Outcome.Ok:
                TempData["Flash"] = t[flashKey].Value;
                return Redirect($"/hubs/{slug}/campaigns/{campaign}");
            case Outcome.Forbidden:
                return this.Refusal(Outcome.Forbidden);
            default:
                return NotFound();
        }
    }

    /// <summary>A change of the campaign: back to it with <paramref name="flash"/>; 404/403; or the page again with the reason at the top.</summary>
    private Task<IActionResult> AnswerChangeAsync<T>(Result<T> result, string? flash, string slug, string campaign, CancellationToken ct) =>
        this.AnswerAsync(result, flash, _ => $"/hubs/{slug}/campaigns/{campaign}", async () => await LoadAsync(slug, campaign, ct) ?? Page(),
            errorKey: (_, _) => "");

    /// <summary>Null when the campaign is there for the person; otherwise 404, or sign-in for someone not signed in.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, string campaign, CancellationToken ct)
    {
        if (await campaigns.GetWithContextAsync(slug, campaign, ct) is not var (detail, context))
            return this.Hidden();
        Campaign = detail;
        DescriptionHtml = markdown.ToHtml(detail.Description);
        Context = context;
        return null;
    }
}
