using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Community.Pages;

public sealed class ReviewForm
{
    public Dictionary<int, int> Scores { get; set; } = [];
    public string? Comment { get; set; }
    public bool Conflict { get; set; }
    public string? ConflictReason { get; set; }
}

/// <summary>One application for the call's reviewers and managers: the review form, or the reviews once the reader may see them.</summary>
public sealed class ApplicationModel(CallReviewing reviewing, IStringLocalizer<SharedResource> t) : PageModel
{
    public ApplicationView Item { get; private set; } = null!;
    public string HubSlug { get; private set; } = "";
    [BindProperty] public ReviewForm Review { get; set; } = new();

    private async Task<bool> LoadAsync(string slug, [FromRoute(Name = "call")] int id, int application, CancellationToken ct)
    {
        if (await reviewing.GetAsync(slug, id, application, ct) is not { } view) return false;
        Item = view;
        HubSlug = slug;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "call")] int id, int application, CancellationToken ct) =>
        await LoadAsync(slug, id, application, ct) ? Page() : NotFound();

    private static string Key(string prefix, string field) =>
        field.StartsWith("scores.", StringComparison.Ordinal) ? $"Review.Scores[{field["scores.".Length..]}]"
        : field.Length == 0 ? "" : PageSupport.ErrorKey("Review", field);

    public async Task<IActionResult> OnPostAsync(string slug, [FromRoute(Name = "call")] int id, int application, bool conflict, CancellationToken ct)
    {
        var input = conflict
            ? new ReviewInput(true, Review.ConflictReason, null, null)
            : new ReviewInput(false, null, Review.Comment, Review.Scores);
        var result = await reviewing.ReviewAsync(slug, id, application, input, ct);
        return await this.AnswerAsync(result, t[conflict ? "Calls.ConflictSaved" : "Calls.ReviewSaved"].Value,
            _ => $"/hubs/{slug}/calls/{id}/applications/{application}",
            async () => await LoadAsync(slug, id, application, ct) ? Page() : NotFound(), "Review", Key);
    }
}
