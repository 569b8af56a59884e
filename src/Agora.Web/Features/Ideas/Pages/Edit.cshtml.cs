using Agora.Web.Features.Campaigns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Ideas.Pages;

/// <summary>Authors edit their idea until review starts; a stale form is refused with a message, not saved over newer text.</summary>
public sealed class EditModel(IdeaQueries queries, CampaignQueries campaigns, IStringLocalizer<SharedResource> t) : IdeaPageModel
{
    [BindProperty] public IdeaForm Input { get; set; } = new();

    public IdeaDetail Idea { get; private set; } = null!;
    public IReadOnlyList<CampaignQuestion> Questions { get; private set; } = [];
    public IReadOnlyList<string> FocusAreas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused) return refused;
        Input = IdeaForm.From(Idea);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id, [FromServices] EditIdea edit, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused) return refused;
        Input.ReadAnswers(Request.Form, Questions);
        var result = await edit.EditAsync(id, Input.ToInput(Questions), ct);
        return await AnswerAsync(result, t["Common.Saved"].Value, r => IdeaUrl(r.HubSlug, r.Id), () => Task.FromResult<IActionResult>(Page()));
    }

    public async Task<IActionResult> OnPostUploadAsync(string slug, int id, IFormFile? upload, [FromServices] AddIdeaAttachment attach, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused) return refused;
        Input = IdeaForm.From(Idea);
        var result = await attach.AddAsync(id, await IdeasApi.ReadUploadAsync(upload, ct), ct);
        return await AnswerAsync(result, t["Ideas.AttachmentAdded"].Value, _ => $"{IdeaUrl(slug, id)}/edit", () => Task.FromResult<IActionResult>(Page()), "Upload");
    }

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(string slug, int id, Guid fileId, [FromServices] RemoveIdeaAttachment remove, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused) return refused;
        Input = IdeaForm.From(Idea);
        var result = await remove.RemoveAsync(id, fileId, ct);
        return await AnswerAsync(result, t["Ideas.AttachmentRemoved"].Value, _ => $"{IdeaUrl(slug, id)}/edit", () => Task.FromResult<IActionResult>(Page()));
    }

    private async Task<IActionResult?> LoadAsync(string slug, int id, CancellationToken ct)
    {
        var idea = await queries.GetAsync(id, ct);
        if (idea is null || idea.HubSlug != slug) return NotFound();
        if (!idea.Viewer.CanEdit) return Forbid();
        Idea = idea;
        var campaign = await campaigns.GetContextAsync(idea.CampaignId, ct);
        if (campaign is null) return NotFound();
        Questions = campaign.Questions;
        FocusAreas = await queries.FocusAreaKeysAsync(campaign, ct);
        return null;
    }
}
