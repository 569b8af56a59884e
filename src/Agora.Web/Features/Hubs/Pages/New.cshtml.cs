using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hubs.Pages;

[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class NewModel(HubQueries hubs, SaveHub save, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public HubForm Input { get; set; } = new() { JoinPolicy = JoinPolicy.Approval, Languages = ["en", "pt-PT", "nb-NO"], TimeZone = "Europe/Lisbon" };
    public IReadOnlyList<string> FocusAreas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => FocusAreas = await hubs.FocusAreaKeysAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await save.CreateAsync(Input.ToInput(null), await Input.ReadLogoAsync(ct), ct);
        return await this.AnswerAsync(result, t["Hubs.Created"].Value, created => $"/hubs/{created}", async () =>
        {
            FocusAreas = await hubs.FocusAreaKeysAsync(ct);
            return Page();
        });
    }
}
