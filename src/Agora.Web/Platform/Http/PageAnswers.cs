using Agora.Web.Platform.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Platform.Http;

/// <summary>The one way a use case's <see cref="Result{T}"/> becomes a page response, on every page.</summary>
public static class PageAnswers
{
    /// <summary>
    /// A refusal as a page answers it: 404 for what the person may not know exists; for what they may not do, sign in
    /// first when they are anonymous, otherwise 403.
    /// </summary>
    public static IActionResult Refusal(this PageModel page, Outcome outcome) => outcome switch
    {
        Outcome.NotFound => page.NotFound(),
        Outcome.Forbidden => page.User.Identity?.IsAuthenticated == true ? page.Forbid() : page.Challenge(),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a refusal."),
    };

    /// <summary>
    /// What a page answers about something the person may not know exists when they are signed in (404), and what it
    /// answers anyone else (sign in first): a members-only campaign, its idea list.
    /// </summary>
    public static IActionResult Hidden(this PageModel page) =>
        page.User.Identity?.IsAuthenticated == true ? page.NotFound() : page.Challenge();

    /// <summary>
    /// OK: the flash (when given) and a redirect to <paramref name="redirect"/>; refused: <see cref="Refusal"/>;
    /// otherwise the page again (<paramref name="showAgain"/>) with the errors under <paramref name="prefix"/> (or where
    /// <paramref name="errorKey"/> puts them). A page whose form names its fields its own way passes the result's errors
    /// so renamed as <paramref name="errors"/>; one that answers refusals its own way (an organisation's pages: 404 for
    /// what the person may not manage) passes <paramref name="refused"/>.
    /// </summary>
    public static async Task<IActionResult> AnswerAsync<T>(this PageModel page, Result<T> result, string? flash, Func<T, string> redirect,
        Func<Task<IActionResult>> showAgain, string prefix = "Input", Func<string, string, string>? errorKey = null,
        IDictionary<string, string[]>? errors = null, Func<Outcome, IActionResult>? refused = null)
    {
        switch (result.Outcome)
        {
            case Outcome.Ok:
                if (flash is not null) page.TempData["Flash"] = flash;
                return new RedirectResult(redirect(result.Value!));
            case Outcome.NotFound or Outcome.Forbidden:
                return refused is null ? page.Refusal(result.Outcome) : refused(result.Outcome);
            default:
                page.ModelState.AddErrors(errors ?? result.Errors, prefix, errorKey);
                return await showAgain();
        }
    }
}
