using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Requests.Pages;

/// <summary>Starting a request: its kind and title make a draft, filled in next.</summary>
public sealed class NewModel(HubQueries hubs, RequestTypes types, RequestWorkflow workflow, IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public IReadOnlyList<RequestTypeView> Types { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "type")] public string? TypeKey { get; set; }
    [BindProperty] public string? Title { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var result = await workflow.CreateAsync(slug, new NewRequest(TypeKey, Title), ct);
        return await this.AnswerAsync(result, t["Requests.DraftStarted"].Value, id => $"/hubs/{slug}/requests/{id}/edit",
            async () => await LoadAsync(slug, ct) ? Page() : NotFound(), errorKey: (_, field) => field == "typeKey" ? "type" : "Title");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return false;
        Hub = hub;
        Types = (await types.ForHubAsync(hub.Id, ct)).Where(x => x.Active).Select(RequestTypes.View).ToList();
        return true;
    }
}
