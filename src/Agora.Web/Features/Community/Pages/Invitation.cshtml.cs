using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Community.Pages;

/// <summary>An invitation to apply to an invitation-only call: the signed-in person it is addressed to takes it up.</summary>
public sealed class InvitationModel(CallSetup setup, IStringLocalizer<SharedResource> t) : PageModel
{
    public string HubSlug { get; private set; } = "";
    public int CallId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "call")] int id, string token, CancellationToken ct)
    {
        if (!await setup.InvitationOpenAsync(slug, id, token, ct)) return NotFound();
        HubSlug = slug;
        CallId = id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, [FromRoute(Name = "call")] int id, string token, CancellationToken ct) =>
        await this.AnswerAsync(await setup.AcceptInvitationAsync(slug, id, token, ct), t["Calls.InvitationAccepted"].Value,
            _ => $"/hubs/{slug}/calls/{id}", () => Task.FromResult<IActionResult>(NotFound()), "", (_, _) => "");
}
