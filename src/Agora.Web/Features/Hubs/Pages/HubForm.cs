using Agora.Web.Platform.Localization;

namespace Agora.Web.Features.Hubs.Pages;

/// <summary>The hub form's fields; texts per language are flat so each has its own label and error.</summary>
public sealed class HubForm
{
    public string? Slug { get; set; }
    public string? Region { get; set; }
    /// <summary>IANA id of the hub's time zone.</summary>
    public string? TimeZone { get; set; }
    public JoinPolicy? JoinPolicy { get; set; }
    public List<string> Languages { get; set; } = [];
    public List<string> FocusAreas { get; set; } = [];
    public string? NameEn { get; set; }
    public string? DescriptionEn { get; set; }
    public string? NamePtPT { get; set; }
    public string? DescriptionPtPT { get; set; }
    public string? NameNbNO { get; set; }
    public string? DescriptionNbNO { get; set; }
    public IFormFile? Logo { get; set; }
    public bool RemoveLogo { get; set; }

    public HubInput ToInput(string? slug) => new()
    {
        Slug = slug ?? Slug,
        Region = Region,
        TimeZone = TimeZone,
        JoinPolicy = JoinPolicy,
        Languages = Languages,
        FocusAreas = FocusAreas,
        Texts =
        [
            new("en", NameEn, DescriptionEn),
            new("pt-PT", NamePtPT, DescriptionPtPT),
            new("nb-NO", NameNbNO, DescriptionNbNO),
        ],
    };

    public static HubForm From(HubDetail hub)
    {
        string? N(string c) => hub.Texts.FirstOrDefault(t => t.Culture == c)?.Name;
        string? D(string c) => hub.Texts.FirstOrDefault(t => t.Culture == c)?.Description;
        return new HubForm
        {
            Slug = hub.Slug, Region = hub.Region, TimeZone = hub.TimeZone, JoinPolicy = hub.JoinPolicy,
            Languages = hub.Languages.ToList(), FocusAreas = hub.FocusAreas.ToList(),
            NameEn = N("en"), DescriptionEn = D("en"), NamePtPT = N("pt-PT"), DescriptionPtPT = D("pt-PT"),
            NameNbNO = N("nb-NO"), DescriptionNbNO = D("nb-NO"),
        };
    }

    /// <summary>Reads an uploaded logo, refusing oversized files before reading them whole.</summary>
    public async Task<LogoInput?> ReadLogoAsync(CancellationToken ct)
    {
        if (Logo is null || Logo.Length == 0) return null;
        if (Logo.Length > SaveHub.MaxLogoBytes) return new LogoInput(new byte[SaveHub.MaxLogoBytes + 1]);
        using var ms = new MemoryStream();
        await Logo.CopyToAsync(ms, ct);
        return new LogoInput(ms.ToArray());
    }

    public static readonly string[] Cultures = LocalizationSetup.Cultures;
}

/// <summary>What the shared hub form partial needs to render.</summary>
public sealed record HubFormView(HubForm Form, bool IsNew, IReadOnlyList<string> FocusAreas, bool HasLogo,
    Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState)
{
    public bool HasError(string name) => ModelState.TryGetValue(name, out var e) && e.Errors.Count > 0;

    public string Error(string name) => string.Join(" ", ModelState[name]!.Errors.Select(e => e.ErrorMessage));

    public string? Value(string suffix, string field) => typeof(HubForm).GetProperty(field + suffix)!.GetValue(Form) as string;
}
