using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Mentoring.Pages;

/// <summary>A mentor writes their profile in the hub: expertise, languages, capacity, availability, taking mentees or not.</summary>
public sealed class ProfileModel(HubQueries hubs, MentoringQueries queries, SaveMentorProfile save, IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public IReadOnlyList<string> FocusAreas { get; private set; } = [];
    /// <summary>Only people holding the hub's Mentor role write a profile; others are told so.</summary>
    public bool IsMentor { get; private set; } = true;

    public sealed class ProfileForm
    {
        public List<string> Expertise { get; set; } = [];
        public List<string> Languages { get; set; } = [];
        public int? Capacity { get; set; } = 2;
        public string? Availability { get; set; }
        public bool Active { get; set; } = true;
    }

    [BindProperty] public ProfileForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused) return refused;
        var mine = (await queries.MineAsync(slug, ct)).Value!;
        IsMentor = mine.IsMentor;
        if (mine.Profile is { } p)
            Input = new ProfileForm { Expertise = p.Expertise.ToList(), Languages = p.Languages.ToList(), Capacity = p.Capacity, Availability = p.Availability, Active = p.Active };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct) =>
        await this.AnswerAsync(await save.SaveAsync(slug, new ProfileInput(Input.Expertise, Input.Languages, Input.Capacity, Input.Availability, Input.Active), ct),
            t["Mentoring.ProfileSaved"].Value, _ => $"/hubs/{slug}/mentoring", async () => await LoadAsync(slug, ct) ?? Page());

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        var mine = await queries.MineAsync(slug, ct);
        if (!mine.IsOk) return this.Refusal(mine.Outcome);
        Hub = hub;
        FocusAreas = mine.Value!.FocusAreas;
        return null;
    }
}
