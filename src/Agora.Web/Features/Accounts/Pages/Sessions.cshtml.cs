using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Accounts.Pages;

public sealed class SessionsModel(UserSessions sessions, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sessions = await sessions.ListAsync(ct);

    public async Task<IActionResult> OnPostRevokeOthersAsync(CancellationToken ct)
    {
        var count = await sessions.RevokeOthersAsync(ct);
        TempData["Flash"] = t["Accounts.SessionsEnded", count].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var result = await sessions.RevokeAsync(id, ct);
        if (!result.IsOk) return NotFound();
        TempData["Flash"] = t["Accounts.SessionsEnded", 1].Value;
        return RedirectToPage();
    }
}
