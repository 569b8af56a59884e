using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Errors;

/// <summary>Friendly error pages; never a stack trace.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken(Order = 1001)] // after the global AutoValidate (Order 1000), so it wins
public sealed class ErrorModel : PageModel
{
    private static readonly int[] Known = [400, 403, 404, 405, 429, 500];

    public int Code { get; private set; }
    public string TraceId => HttpContext.TraceIdentifier;
    public string TitleKey => $"Error.{Code}.Title";
    public string MessageKey => $"Error.{Code}.Message";

    // The code comes from route data, not model binding: a re-executed POST whose form cannot be read
    // (e.g. a NUL character) would otherwise fail again while binding and leave an empty 400.
    public void OnGet() => Set();

    public void OnPost() => Set();

    private void Set()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var c) ? c : 400;
        Code = Known.Contains(code) ? code : code >= 500 ? 500 : 400;
        // Visiting /error/404 directly answers 404 too; re-executed errors keep their status.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
            Response.StatusCode = Code;
    }
}
