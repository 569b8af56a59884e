using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Initiatives.Pages;

public sealed class EditForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    public InitiativeVisibility Visibility { get; set; }
    public VergantiType? Verganti { get; set; }
    public InnovationKind? Kind { get; set; }
    public List<StakeholderGroups> Stakeholders { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>The owner or a hub manager edits the initiative's texts, visibility and classification.</summary>
public sealed class EditModel(HubQueries hubs, InitiativeQueries initiatives, EditInitiative edit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public EditForm Input { get; set; } = new();
    public HubDetail Hub { get; private set; } = null!;
    public InitiativeDetail Initiative { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "initiative")] int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused) return refused;
        var i = Initiative;
        Input = new EditForm
        {
            Title = i.Title, Summary = i.Summary, Description = i.Description, Visibility = i.Visibility, Verganti = i.Classification.Verganti,
            Kind = i.Classification.Kind, Stakeholders = i.Classification.Stakeholders.ToList(), Version = i.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, [FromRoute(Name = "initiative")] int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var stakeholders = Input.Stakeholders.Aggregate(StakeholderGroups.None, (all, g) => all | g);
        var result = await edit.EditAsync(slug, id, new InitiativeChanges(Input.Title, Input.Summary, Input.Description, Input.Visibility,
            Input.Verganti, Input.Kind, stakeholders, Input.Version), ct);
        return await this.AnswerAsync(result, t["Initiatives.Saved"].Value, _ => $"/hubs/{slug}/initiatives/{id}", () => Task.FromResult<IActionResult>(Page()));
    }

    private async Task<IActionResult?> LoadAsync(string slug, int id, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        if (await initiatives.GetAsync(slug, id, ct) is not { } initiative) return NotFound();
        if (!initiative.CanEdit) return Forbid();
        Hub = hub;
        Initiative = initiative;
        return null;
    }
}
