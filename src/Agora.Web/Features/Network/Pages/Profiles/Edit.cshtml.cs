using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network.Pages.Profiles;

public sealed class PartnerField
{
    public string? Name { get; set; }
    public Guid? OrganisationId { get; set; }
    public string? Website { get; set; }
    public string? Role { get; set; }
}

/// <summary>The profile form as posted: checkboxes for regions and vocabularies, a few partner rows (an emptied row removes the partner).</summary>
public sealed class ProfileForm
{
    public const int SpareRows = 2;

    public string? LegalName { get; set; }
    public string? Kind { get; set; }
    public string? Country { get; set; }
    public List<string> Regions { get; set; } = [];
    public List<string> Technologies { get; set; } = [];
    public List<string> Sectors { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public string? Website { get; set; }
    public int? FirstAnswerDays { get; set; }
    public bool Listed { get; set; } = true;
    public List<PartnerField> Partners { get; set; } = [];
    /// <summary>The version of the profile the form was filled from (none for a new profile).</summary>
    public int? Version { get; set; }

    public static ProfileForm From(ProfileInput i) => new()
    {
        LegalName = i.LegalName, Kind = i.Kind, Country = i.Country, Regions = [.. i.Regions ?? []], Technologies = [.. i.Technologies ?? []],
        Sectors = [.. i.Sectors ?? []], Languages = [.. i.Languages ?? []], Website = i.Website, FirstAnswerDays = i.FirstAnswerDays, Listed = i.Listed ?? true,
        Partners = (i.Partners ?? []).Select(p => new PartnerField { Name = p.Name, OrganisationId = p.OrganisationId, Website = p.Website, Role = p.Role }).ToList(),
        Version = i.Version,
    };

    public ProfileInput ToInput() => new(LegalName, Kind, Country, Regions, Technologies, Sectors, Languages, Website, FirstAnswerDays, Listed,
        Partners.Select(p => new PartnerInput(p.Name, p.OrganisationId, p.Website, p.Role)).ToList(), Version);

    /// <summary>Spare empty rows at the end, for new partners.</summary>
    public ProfileForm Padded()
    {
        Partners = Partners.Where(p => !string.IsNullOrWhiteSpace(p.Name) || !string.IsNullOrWhiteSpace(p.Role) || !string.IsNullOrWhiteSpace(p.Website)
            || p.OrganisationId is not null).ToList();
        for (var i = 0; i < SpareRows; i++) Partners.Add(new PartnerField());
        return this;
    }

    /// <summary>"partners[0].name" → "Input.Partners[0].Name"; the rest as usual.</summary>
    public static string ErrorKey(string prefix, string field)
    {
        if (field.StartsWith("partners[", StringComparison.Ordinal) && field.IndexOf("].", StringComparison.Ordinal) is var dot and > 0)
        {
            var tail = field[(dot + 2)..];
            return $"{prefix}.Partners{field[8..(dot + 1)]}.{char.ToUpperInvariant(tail[0])}{tail[1..]}";
        }
        return PageSupport.ErrorKey(prefix, field);
    }
}

/// <summary>A hub manager makes or changes the hub's network profile; making it puts the hub in the network.</summary>
public sealed class EditModel(HubProfiles profiles, AgoraDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public string HubSlug { get; private set; } = "";
    public string HubName { get; private set; } = "";
    public bool Exists { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];
    [BindProperty] public ProfileForm Input { get; set; } = new();

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var hub = await db.Hubs.Where(h => h.Slug == slug).Select(h => new { h.Slug, h.Name }).SingleOrDefaultAsync(ct);
        if (hub is null) return false;
        HubSlug = hub.Slug;
        HubName = hub.Name;
        Organisations = (await db.Organisations.OrderBy(o => o.Name).Take(500).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        if (await profiles.InputForAsync(slug, ct) is not { } found) return this.Refusal(Platform.Errors.Outcome.Forbidden);
        Exists = found.Exists;
        Input = ProfileForm.From(found.Input).Padded();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var exists = await db.Hubs.Where(h => h.Slug == slug).AnyAsync(h => db.HubNetworkProfiles.Any(p => p.HubId == h.Id), ct);
        var result = await profiles.SaveAsync(slug, Input.ToInput(), ct);
        return await this.AnswerAsync(result, t[exists ? "Network.Profiles.Saved" : "Network.Profiles.Created"].Value, s => $"/hubs/{s}/network", async () =>
        {
            if (!await LoadAsync(slug, ct)) return NotFound();
            Exists = exists;
            Input.Padded();
            return Page();
        }, errorKey: ProfileForm.ErrorKey);
    }

    public string? Invalid(string name) => ModelState.TryGetValue(name, out var e) && e.Errors.Count > 0 ? "true" : null;

    public string? DescribedBy(string name, string? hint = null)
    {
        var ids = new List<string>();
        if (hint is not null) ids.Add(hint);
        if (Invalid(name) is not null) ids.Add(PageSupport.FieldId(name) + "-error");
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
