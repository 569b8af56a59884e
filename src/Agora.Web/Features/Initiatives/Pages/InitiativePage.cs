using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Initiatives.Pages;

/// <summary>What the initiative's pages share: answering a form post the same way everywhere.</summary>
public abstract class InitiativePage(IStringLocalizer<SharedResource> t) : PageModel
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
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
            default:
                ModelState.AddErrors(result.Errors, prefix);
                return await reload() ? Page() : NotFound();
        }
    }
}

/// <summary>The values of one risk form (<c>_RiskFields</c>): its id and error prefix, and what it shows.</summary>
public sealed record RiskFields(string Prefix, string? Description, int? Likelihood, int? Impact, string? Mitigation, bool Closed, bool CanClose);

/// <summary>
/// The three-language name fields of a settings form (<c>_NameFields</c>): they post as "{Form}.NameEn" and so on;
/// ids and error keys use <see cref="Prefix"/>, so several forms of one kind on a page keep apart.
/// </summary>
public sealed record NameFields(string Form, string Prefix, string? En, string? Pt, string? Nb, int MaxLength);

/// <summary>Up and down buttons of one item of a settings list (<c>_MoveButtons</c>); <see cref="Name"/> tells screen readers which.</summary>
public sealed record MoveButtons(string What, Guid Id, bool CanUp, bool CanDown, string Name);

/// <summary>A stage form's step and required artefacts (<c>_StageFields</c>), ids and error keys under <see cref="Prefix"/>.</summary>
public sealed record StageFields(string Prefix, ProcessStep? Step, IReadOnlyList<ArtefactKind> Required);
