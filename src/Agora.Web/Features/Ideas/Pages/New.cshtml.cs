using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Ideas.Pages;

/// <summary>
/// The submission wizard: 1) title and language, saved as a draft; 2) the details, questions, tags, anonymity and
/// attachments, next to similar ideas for the title; 3) a preview with similar ideas for the whole text, then publish.
/// </summary>
[AllowAnonymous]
public sealed class NewModel(
    CampaignQueries campaigns, IdeaQueries queries, CurrentUser current, TimeProvider clock, ISimilarIdeas similar,
    IStringLocalizer<SharedResource> t) : IdeaPageModel
{
    [BindProperty] public IdeaForm Input { get; set; } = new();

    public CampaignContext Campaign { get; private set; } = null!;
    public int Step { get; private set; } = 1;
    public IdeaDetail? Draft { get; private set; }
    public bool CanStart { get; private set; }
    public IReadOnlyList<string> FocusAreas { get; private set; } = [];
    public IReadOnlyList<SimilarIdea> Similar { get; private set; } = [];

    public string BaseUrl => $"/hubs/{Campaign.HubSlug}/campaigns/{Campaign.Slug}/ideas/new";

    public string StepUrl(int id, int step) => $"{BaseUrl}?id={id}&step={step}";

    public async Task<IActionResult> OnGetAsync(string slug, string campaign, int? id, int? step, CancellationToken ct)
    {
        if (await LoadCampaignAsync(slug, campaign, ct) is { } refused) return refused;
        if (id is null)
        {
            Input.Language ??= IdeaLifecycle.DefaultLanguage();
            return Page();
        }
        if (await LoadDraftAsync(id.Value, ct) is { } missing) return missing;
        Input = IdeaForm.From(Draft!);
        return await ShowStepAsync(step == 3 ? 3 : 2, ct);
    }

    /// <summary>Step 1: the title starts a draft.</summary>
    public async Task<IActionResult> OnPostStartAsync(string slug, string campaign, [FromServices] SaveIdeaDraft save, CancellationToken ct)
    {
        if (await LoadCampaignAsync(slug, campaign, ct) is { } refused) return refused;
        var result = await save.CreateAsync(slug, campaign, Input.ToInput(Campaign.Questions, withDetails: false), ct);
        return await AnswerAsync(result, null, r => StepUrl(r.Id, 2), () => Task.FromResult<IActionResult>(Page()));
    }

    /// <summary>Step 2: saves the details; "preview" goes on to step 3.</summary>
    public async Task<IActionResult> OnPostDetailsAsync(string slug, string campaign, int id, string? next, [FromServices] EditIdea edit, CancellationToken ct)
    {
        if (await LoadCampaignAsync(slug, campaign, ct) is { } refused) return refused;
        if (await LoadDraftAsync(id, ct) is { } missing) return missing;
        Input.ReadAnswers(Request.Form, Campaign.Questions);
        var result = await edit.EditAsync(id, Input.ToInput(Campaign.Questions), ct);
        return await AnswerAsync(result, next == "preview" ? null : t["Ideas.DraftSaved"].Value,
            r => StepUrl(r.Id, next == "preview" ? 3 : 2), () => ShowStepAsync(2, ct));
    }

    /// <summary>Step 3: publishes; missing details send the person back to step 2 with the messages.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string slug, string campaign, int id, [FromServices] PublishIdea publish, CancellationToken ct)
    {
        if (await LoadCampaignAsync(slug, campaign, ct) is { } refused) return refused;
        if (await LoadDraftAsync(id, ct) is { } missing) return missing;
        Input = IdeaForm.From(Draft!);
        var result = await publish.PublishAsync(id, ct);
        var back = result.Outcome == Platform.Errors.Outcome.Invalid ? 2 : 3;
        return await AnswerAsync(result, t["Ideas.Published"].Value, r => IdeaUrl(r.HubSlug, r.Id), () => ShowStepAsync(back, ct));
    }

    public async Task<IActionResult> OnPostUploadAsync(string slug, string campaign, int id, IFormFile? upload,
        [FromServices] AddIdeaAttachment attach, CancellationToken ct)
    {
        if (await LoadCampaignAsync(slug, campaign, ct) is { } refused) return refused;
        if (await LoadDraftAsync(id, ct) is { } missing) return missing;
        Input = IdeaForm.From(Draft!);
        var result = await attach.AddAsync(id, await IdeasApi.ReadUploadAsync(upload, ct), ct);
        return await AnswerAsync(result, t["Ideas.AttachmentAdded"].Value, _ => StepUrl(id, 2), () => ShowStepAsync(2, ct), "Upload");
    }

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(string slug, string campaign, int id, Guid fileId,
        [FromServices] RemoveIdeaAttachment remove, CancellationToken ct)
    {
        if (await LoadCampaignAsync(slug, campaign, ct) is { } refused) return refused;
        if (await LoadDraftAsync(id, ct) is { } missing) return missing;
        Input = IdeaForm.From(Draft!);
        var result = await remove.RemoveAsync(id, fileId, ct);
        return await AnswerAsync(result, t["Ideas.AttachmentRemoved"].Value, _ => StepUrl(id, 2), () => ShowStepAsync(2, ct));
    }

    /// <summary>Unknown or unreadable campaign: 404 for everyone; otherwise sign in first.</summary>
    private async Task<IActionResult?> LoadCampaignAsync(string slug, string campaign, CancellationToken ct)
    {
        var context = await campaigns.GetContextAsync(slug, campaign, ct);
        if (context is null || !context.CanRead) return NotFound();
        if (!current.IsAuthenticated) return Challenge();
        Campaign = context;
        CanStart = CampaignRules.CanParticipate(context.Policy, context.Viewer) && CampaignRules.SubmissionOpen(context.Policy, clock.Today());
        return null;
    }

    /// <summary>The wizard continues only the person's own drafts of this campaign.</summary>
    private async Task<IActionResult?> LoadDraftAsync(int id, CancellationToken ct)
    {
        var draft = await queries.GetAsync(id, ct);
        if (draft is null || draft.CampaignId != Campaign.Id || !(draft.Viewer.IsAuthor || draft.Viewer.IsCoAuthor)) return NotFound();
        if (draft.State != IdeaState.Draft) return Redirect(IdeaUrl(draft.HubSlug, draft.Id));
        Draft = draft;
        return null;
    }

    private async Task<IActionResult> ShowStepAsync(int step, CancellationToken ct)
    {
        Step = step;
        Draft = await queries.GetAsync(Draft!.Id, ct) ?? Draft;
        FocusAreas = await queries.FocusAreaKeysAsync(Campaign, ct);
        // Step 2 looks for the title, step 3 for the whole text: where someone had the idea already, the person can support it instead.
        var text = step == 3 ? string.Join("\n", Draft.Problem, Draft.Solution, Draft.Benefits) : null;
        Similar = await similar.FindAsync(Campaign.HubId, Draft.Title, text, Draft.Language, Draft.Id, ct);
        return Page();
    }
}
