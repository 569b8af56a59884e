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
    /// <see cref="PageAnswers.AnswerAsync{T}"/> for these pages: a flash key, a fixed address, and the page reloaded by
    /// <paramref name="reload"/> (404 when it is gone). A null result means "sign in first".
    /// </summary>
    protected Task<IActionResult> AnswerAsync(Result<int>? result, string prefix, string flash, string redirect, Func<Task<bool>> reload) =>
        result is null
            ? Task.FromResult<IActionResult>(Challenge())
            : this.AnswerAsync(result, t[flash].Value, _ => redirect, async () => await reload() ? Page() : NotFound(), prefix, ErrorKey);

    /// <summary>Where a use case's error shows on the page: under the form's prefix unless a page says otherwise.</summary>
    protected virtual string ErrorKey(string prefix, string field) => PageSupport.ErrorKey(prefix, field);
}
