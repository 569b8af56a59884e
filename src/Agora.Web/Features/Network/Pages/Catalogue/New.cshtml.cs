using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network.Pages.Catalogue;

/// <summary>A hub manager adds a service to the hub's catalogue, as a draft.</summary>
public sealed class NewModel(IStringLocalizer<SharedResource> t, MaintainServices services, HubQueries hubs) : ServiceFormPage(t, services, hubs)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadHubAsync(slug, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadHubAsync(slug, ct) is { } refused) return refused;
        var result = await Services.CreateAsync(slug, Input.ToInput(), ct);
        return await this.AnswerAsync(result, Text["Network.Catalogue.Created"].Value, id => $"/hubs/{slug}/services/{id}/edit",
            () => Task.FromResult<IActionResult>(Page()), "Input", ErrorKey);
    }
}
