using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Comments.Pages;

/// <summary>
/// An idea's whole discussion, page by page (and one thread's replies); the forms of the discussion shown on
/// the idea page post here, and come back to where they were sent from.
/// </summary>
[AllowAnonymous]
public sealed class CommentsModel(CommentQueries queries, PostComment post, ChangeComment change, IStringLocalizer<SharedResource> t) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery] public long? Thread { get; set; }
    [BindProperty] public CommentForm Input { get; set; } = new();

    public sealed class CommentForm
    {
        public string? Body { get; set; }
        public long? ParentId { get; set; }
    }

    public CommentPage? Discussion { get; private set; }
    public string Slug { get; private set; } = "";
    public int IdeaId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) => await LoadAsync(slug, id, ct);

    public async Task<IActionResult> OnPostAsync(string slug, int id, string? returnUrl, CancellationToken ct)
    {
        if (!User.Identity!.IsAuthenticated) return Challenge();
        var result = await post.HandleAsync(id, Input.ParentId, Input.Body, ct);
        return await AfterAsync(result, slug, id, returnUrl, posted => posted, "Comments.Posted", ct);
    }

    public async Task<IActionResult> OnPostEditAsync(string slug, int id, long commentId, string? returnUrl, CancellationToken ct)
    {
        var result = await change.EditAsync(commentId, Input.Body, ct);
        return await AfterAsync(result, slug, id, returnUrl, _ => commentId, "Comments.Saved", ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, int id, long commentId, string? returnUrl, CancellationToken ct)
    {
        var result = await change.DeleteAsync(commentId, ct);
        return await AfterAsync(result, slug, id, returnUrl, _ => null, "Comments.Deleted", ct);
    }

    public async Task<IActionResult> OnPostOfficialAsync(string slug, int id, long commentId, bool official, string? returnUrl, CancellationToken ct)
    {
        var result = await change.MarkOfficialAsync(commentId, official, ct);
        return await AfterAsync(result, slug, id, returnUrl, _ => commentId, official ? "Comments.MarkedOfficial" : "Comments.UnmarkedOfficial", ct);
    }

    /// <summary>Done: back where the person came from, at the comment (<paramref name="anchor"/>) or the discussion; otherwise 404/403 or the page again.</summary>
    private Task<IActionResult> AfterAsync<T>(Result<T> result, string slug, int id, string? returnUrl, Func<T, long?> anchor, string flashKey, CancellationToken ct) =>
        this.AnswerAsync(result, t[flashKey].Value, value =>
        {
            var back = LocalUrl.Safe(returnUrl);
            if (back == "/") back = $"/hubs/{slug}/ideas/{id}";
            return anchor(value) is { } a ? $"{back.Split('#')[0]}#comment-{a}" : back.Split('#')[0] + "#comments";
        }, () => LoadAsync(slug, id, ct));

    private async Task<IActionResult> LoadAsync(string slug, int id, CancellationToken ct)
    {
        if (PageNumber is < 1 or > 100_000) return BadRequest();
        Discussion = await queries.PageAsync(id, PageNumber ?? 1, Thread, ct);
        if (Discussion is null || Discussion.HubSlug != slug) return NotFound();
        Slug = slug;
        IdeaId = id;
        return Page();
    }
}
