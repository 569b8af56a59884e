using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Ideas.Pages;

/// <summary>An idea's page: its text, support, following, the authors' and the moderators' actions, and its public history.</summary>
[AllowAnonymous]
public sealed class DetailsModel(IdeaQueries queries, CurrentUser current, IStringLocalizer<SharedResource> t) : IdeaPageModel
{
    public IdeaDetail Idea { get; private set; } = null!;

    [BindProperty] public TriageForm Triage { get; set; } = new();
    [BindProperty] public InviteForm Invite { get; set; } = new();
    [BindProperty] public MergeForm Merge { get; set; } = new();

    public sealed class MergeForm
    {
        public int? Into { get; set; }
    }

    public sealed class TriageForm
    {
        public string? State { get; set; }
        public string? Answer { get; set; }
    }

    public sealed class InviteForm
    {
        public string? Email { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct)
    {
        var idea = await queries.GetAsync(id, ct);
        if (idea is null || idea.HubSlug != slug) return NotFound();
        // A merged idea lives on in the one it was merged into.
        if (idea.MergedIntoId is { } kept) return Redirect(IdeaUrl(slug, kept));
        Idea = idea;
        return Page();
    }

    private async Task<IActionResult> ShowAgainAsync(string slug, int id, CancellationToken ct)
    {
        var idea = await queries.GetAsync(id, ct);
        if (idea is null || idea.HubSlug != slug) return NotFound();
        Idea = idea;
        return Page();
    }


    private Task<IActionResult> Run<T>(string slug, int id, Platform.Errors.Result<T> result, string? flashKey, string prefix, CancellationToken ct) =>
        AnswerAsync(result, flashKey is null ? null : t[flashKey].Value, _ => IdeaUrl(slug, id), () => ShowAgainAsync(slug, id, ct), prefix);

    public async Task<IActionResult> OnPostVoteAsync(string slug, int id, [FromServices] CastVote h, CancellationToken ct) =>
        !current.IsAuthenticated ? Challenge() : await Run(slug, id, await h.CastAsync(id, ct), "Ideas.Voted", "", ct);

    public async Task<IActionResult> OnPostUnvoteAsync(string slug, int id, [FromServices] WithdrawVote h, CancellationToken ct) =>
        !current.IsAuthenticated ? Challenge() : await Run(slug, id, await h.WithdrawAsync(id, ct), "Ideas.VoteWithdrawn", "", ct);

    public async Task<IActionResult> OnPostFollowAsync(string slug, int id, [FromServices] FollowIdea h, CancellationToken ct) =>
        !current.IsAuthenticated ? Challenge() : await Run(slug, id, await h.FollowAsync(id, ct), "Ideas.Following", "", ct);

    public async Task<IActionResult> OnPostUnfollowAsync(string slug, int id, [FromServices] FollowIdea h, CancellationToken ct) =>
        !current.IsAuthenticated ? Challenge() : await Run(slug, id, await h.UnfollowAsync(id, ct), "Ideas.Unfollowed", "", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, int id, [FromServices] WithdrawIdea h, CancellationToken ct) =>
        !current.IsAuthenticated ? Challenge() : await Run(slug, id, await h.WithdrawAsync(id, ct), "Ideas.Withdrawn", "", ct);

    public async Task<IActionResult> OnPostPublishAsync(string slug, int id, [FromServices] PublishIdea h, CancellationToken ct) =>
        !current.IsAuthenticated ? Challenge() : await Run(slug, id, await h.PublishAsync(id, ct), "Ideas.Published", "", ct);

    public async Task<IActionResult> OnPostTriageAsync(string slug, int id, [FromServices] ChangeIdeaState h, CancellationToken ct) =>
        !current.IsAuthenticated ? Challenge() : await Run(slug, id, await h.ChangeAsync(id, Triage.State, Triage.Answer, ct), "Ideas.StateSaved", "Triage", ct);

    public async Task<IActionResult> OnPostInviteAsync(string slug, int id, [FromServices] InviteCoAuthor h, CancellationToken ct) =>
        !current.IsAuthenticated ? Challenge() : await Run(slug, id, await h.InviteAsync(id, Invite.Email, ct), "Ideas.CoAuthorInvited", "Invite", ct);

    public async Task<IActionResult> OnPostMergeAsync(string slug, int id, [FromServices] MergeIdeas h, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Challenge();
        var result = await h.MergeAsync(id, Merge.Into ?? 0, ct);
        return await AnswerAsync(result, t["Ideas.Merged"].Value, kept => IdeaUrl(slug, kept), () => ShowAgainAsync(slug, id, ct), "Merge");
    }
}
