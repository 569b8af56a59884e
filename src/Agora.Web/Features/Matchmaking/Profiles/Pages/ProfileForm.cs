using Agora.Web.Features.Network;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Matchmaking.Profiles.Pages;

/// <summary>The profile form's fields as the browser posts them (lists as checkboxes, codes as comma-separated text).</summary>
public sealed class ProfileFormInput
{
    public string? Organisation { get; set; }
    public string? Hub { get; set; }
    public string? Kind { get; set; }
    public string? Language { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    public string? Keywords { get; set; }
    public List<string> Technologies { get; set; } = [];
    public List<string> Sectors { get; set; } = [];
    public int? Trl { get; set; }
    public int? TrlSoughtMin { get; set; }
    public int? TrlSoughtMax { get; set; }
    public string? Stage { get; set; }
    public string? IntellectualProperty { get; set; }
    public string? PartnerSought { get; set; }
    public List<string> Partnerships { get; set; } = [];
    public string? CountriesSought { get; set; }
    public string? RegionsSought { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? DeviceClass { get; set; }
    public string? CeMarking { get; set; }
    public bool NeedsClinicalData { get; set; }
    public bool NeedsHealthDataPermit { get; set; }
    public int? DataApplicationId { get; set; }
    public List<string> Standards { get; set; } = [];
    public int Version { get; set; }

    private static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var x) && Enum.IsDefined(x) ? x : null;

    private static string[] Split(string? value) =>
        (value ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public ProfileInput ToInput() => new(Organisation, Hub, Parse<ProfileKind>(Kind), Language, Title, Summary, Description, Split(Keywords),
        [.. Technologies], [.. Sectors], Trl, TrlSoughtMin, TrlSoughtMax, Parse<DevelopmentStage>(Stage), Parse<IntellectualProperty>(IntellectualProperty),
        PartnerSought, [.. Partnerships], Split(CountriesSought), Split(RegionsSought), Deadline, Parse<DeviceClass>(DeviceClass), Parse<CeMarking>(CeMarking),
        NeedsClinicalData, NeedsHealthDataPermit, DataApplicationId, [.. Standards], Version);

    public static ProfileFormInput From(ProfileView p) => new()
    {
        Hub = p.Hub.Slug, Kind = p.Kind.ToString(), Language = p.Language, Title = p.Title, Summary = p.Summary, Description = p.Description,
        Keywords = string.Join(", ", p.Keywords), Technologies = [.. p.Technologies], Sectors = [.. p.Sectors], Trl = p.Trl, TrlSoughtMin = p.TrlSoughtMin,
        TrlSoughtMax = p.TrlSoughtMax, Stage = p.Stage?.ToString(), IntellectualProperty = p.IntellectualProperty?.ToString(), PartnerSought = p.PartnerSought,
        Partnerships = [.. p.Partnerships], CountriesSought = string.Join(", ", p.CountriesSought), RegionsSought = string.Join(", ", p.RegionsSought),
        Deadline = p.Deadline, DeviceClass = p.DeviceClass.ToString(), CeMarking = p.CeMarking.ToString(), NeedsClinicalData = p.NeedsClinicalData,
        NeedsHealthDataPermit = p.NeedsHealthDataPermit, DataApplicationId = p.DataApplicationId, Standards = [.. p.Standards], Version = p.Version,
    };
}

/// <summary>The new and edit pages: the same form, the hubs to choose from and (new only) the person's organisations.</summary>
public abstract class ProfileFormPage(IStringLocalizer<SharedResource> t, AgoraDbContext db) : FormPage(t)
{
    [BindProperty] public ProfileFormInput Input { get; set; } = new();
    protected AgoraDbContext Db { get; } = db;
    public IReadOnlyList<HubRef> Hubs { get; private set; } = [];
    public IReadOnlyList<OrganisationContact> Organisations { get; private set; } = [];
    public abstract bool IsNew { get; }
    /// <summary>The profile being edited is published (changing it sends it back to review).</summary>
    public bool WasPublished { get; protected set; }
    public string? EditedTitle { get; protected set; }

    protected async Task LoadChoicesAsync(Guid? me, CancellationToken ct)
    {
        var hubs = await HubProposal.CandidatesAsync(Db, ct);
        Hubs = hubs.Select(h => new HubRef(h.Slug, h.Name)).ToList();
        if (me is { } id)
            Organisations = await Db.Organisations.AsNoTracking().Where(o => Db.OrganisationMembers.Any(m => m.OrganisationId == o.Id && m.UserId == id))
                .OrderBy(o => o.Name).Select(o => new OrganisationContact(o.Slug, o.Name, o.Website)).ToListAsync(ct);
    }
}
