using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Errors;

/// <summary>Friendly error pages; never a stack trace.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    private static readonly int[] Known = [400, 403, 404, 405, 429, 500];

    public int Code { get; private set; }
    public string TraceId => HttpContext.TraceIdentifier;
    public string TitleKey => $"Error.{Code}.Title";
    public string MessageKey => $"Error.{Code}.Message";

    public void OnGet(int code) => Set(code);

    public void OnPost(int code) => Set(code);

    private void Set(int code)
    {
        Code = Known.Contains(code) ? code : code >= 500 ? 500 : 400;
        // Visiting /error/404 directly answers 404 too; re-executed errors keep their status.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
            Response.StatusCode = Code;
    }
}
