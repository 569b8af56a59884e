using Agora.Web.Platform.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Platform.Http;

/// <summary>A page whose forms post to use cases answering a <see cref="Result{T}"/>: each post is answered the same way.</summary>
public abstract class FormPage(IStringLocalizer<SharedResource> t) : PageModel
{
    protected IStringLocalizer<SharedResource> Text => t;

    /// <summary>
    /// Redirects to <paramref name="redirect"/> with a flash after a success; 404 or 403 as the rules say; otherwise the
    /// page again (reloaded by <paramref name="reload"/>) with the errors under the form's prefix. A null result means "sign in first".
    /// </summary>
    protected async Task<IActionResult> AnswerAsync(Result<int>? result, string prefix, string flash, string redirect, Func<Task<bool>> reload)
    {
        if (result is null) return Challenge();
        switch (result.Outcome)
        {
            case Outcome.Ok:
                TempData["Flash"] = t[flash].Value;
                return Redirect(redirect);
            case Outcome.NotFound or Outcome.Forbidden:
                return this.Refusal(result.Outcome);
            default:
                foreach (var (field, messages) in result.Errors)
                    foreach (var m in messages) ModelState.AddModelError(ErrorKey(prefix, field), m);
                return await reload() ? Page() : NotFound();
        }
    }

    /// <summary>Where a use case's error (a field name as in the request) shows on the page: under the form's prefix.</summary>
    protected virtual string ErrorKey(string prefix, string field) =>
        field.Length == 0 ? "" : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
}
