using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Initiatives.Pages;

public sealed class InitiativeForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    public InitiativeVisibility Visibility { get; set; } = InitiativeVisibility.HubInternal;
    public List<int> IdeaIds { get; set; } = [];
}

/// <summary>A hub manager starts an initiative; ideas come ticked when the page is opened from them (?idea=12).</summary>
public sealed class NewModel(HubQueries hubs, InitiativeQueries initiatives, Viewers viewers, CreateInitiative create, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InitiativeForm Input { get; set; } = new();
    public HubDetail Hub { get; private set; } = null!;
    public IReadOnlyList<AvailableIdea> Ideas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "idea")] int[]? idea, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused) return refused;
        Input.IdeaIds = (idea ?? []).Where(id => Ideas.Any(i => i.Id == id)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var result = await create.CreateAsync(slug, new InitiativeInput(Input.Title, Input.Summary, Input.Description, Input.Visibility, Input.IdeaIds.ToArray()), ct);
        return await this.AnswerAsync(result, t["Initiatives.Started"].Value, id => $"/hubs/{Hub.Slug}/initiatives/{id}",
            () => Task.FromResult<IActionResult>(Page()));
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        Hub = hub;
        if (!(await viewers.ForHubAsync(hub.Id, ct)).CanManage) return Forbid();
        Ideas = await initiatives.AvailableIdeasAsync(hub.Id, ct);
        return null;
    }
}
