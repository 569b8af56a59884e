using System.Globalization;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network.Pages.Catalogue;

/// <summary>A service's text in one language, as the form posts it.</summary>
public sealed class ServiceTextForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
}

/// <summary>The service form as the page binds it; <see cref="ToInput"/> is the use case's <see cref="ServiceInput"/>.</summary>
public sealed class ServiceForm
{
    /// <summary>The form's text fields per culture: the property name under the form's prefix.</summary>
    public static readonly (string Culture, string Property)[] TextFields = [("en", nameof(En)), ("pt-PT", nameof(Pt)), ("nb-NO", nameof(Nb))];

    public string? Category { get; set; }
    public string? SubType { get; set; }
    public List<string> Audiences { get; set; } = [];
    public List<string> Technologies { get; set; } = [];
    public List<string> Sectors { get; set; } = [];
    public int? TrlMin { get; set; } = 1;
    public int? TrlMax { get; set; } = 9;
    public string? PriceModel { get; set; } = nameof(Network.PriceModel.Free);
    /// <summary>As typed: browsers send a number field with a dot in every language, so it is read without the culture.</summary>
    public string? IndicativePrice { get; set; }
    public string? Currency { get; set; } = "EUR";
    public List<string> Delivery { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public int? LeadTimeDays { get; set; }
    public List<string> PartnerHubs { get; set; } = [];
    public string? DefaultCulture { get; set; } = "en";
    public ServiceTextForm En { get; set; } = new();
    public ServiceTextForm Pt { get; set; } = new();
    public ServiceTextForm Nb { get; set; } = new();
    public int? Version { get; set; }
    public string? Note { get; set; }

    public ServiceTextForm Text(string culture) => culture switch { "pt-PT" => Pt, "nb-NO" => Nb, _ => En };

    public ServiceInput ToInput() => new()
    {
        Category = Category, SubType = SubType, Audiences = Audiences, Technologies = Technologies, Sectors = Sectors, TrlMin = TrlMin, TrlMax = TrlMax,
        PriceModel = PriceModel, IndicativePrice = Price(IndicativePrice), Currency = Currency, Delivery = Delivery, Languages = Languages,
        LeadTimeDays = LeadTimeDays, PartnerHubs = PartnerHubs, DefaultCulture = DefaultCulture, Version = Version, Note = Note,
        Texts = TextFields.ToDictionary(f => f.Culture, f => new ServiceTextInput(Text(f.Culture).Title, Text(f.Culture).Summary, Text(f.Culture).Description)),
    };

    /// <summary>The typed price; one that cannot be read becomes -1, which the use case refuses as out of range.</summary>
    private static decimal? Price(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var p) ? p : -1;
    }

    public static ServiceForm From(ServiceInput i)
    {
        var form = new ServiceForm
        {
            Category = i.Category, SubType = i.SubType, Audiences = i.Audiences ?? [], Technologies = i.Technologies ?? [], Sectors = i.Sectors ?? [],
            TrlMin = i.TrlMin, TrlMax = i.TrlMax, PriceModel = i.PriceModel,
            IndicativePrice = i.IndicativePrice?.ToString("0.##", CultureInfo.InvariantCulture), Currency = i.Currency,
            Delivery = i.Delivery ?? [], Languages = i.Languages ?? [], LeadTimeDays = i.LeadTimeDays, PartnerHubs = i.PartnerHubs ?? [],
            DefaultCulture = i.DefaultCulture, Version = i.Version,
        };
        foreach (var (culture, _) in TextFields)
        {
            if (i.Texts is null || !i.Texts.TryGetValue(culture, out var t)) continue;
            var target = form.Text(culture);
            target.Title = t.Title;
            target.Summary = t.Summary;
            target.Description = t.Description;
        }
        return form;
    }
}

/// <summary>The new-service and edit-service pages: one form (_ServiceForm), errors placed on its fields.</summary>
public abstract class ServiceFormPage(IStringLocalizer<SharedResource> t, MaintainServices services, HubQueries hubs) : FormPage(t)
{
    [BindProperty] public ServiceForm Input { get; set; } = new();
    public string Slug { get; protected set; } = "";
    public string HubName { get; protected set; } = "";
    public bool InNetwork { get; protected set; }
    public IReadOnlyList<PartnerChoice> Partners { get; protected set; } = [];

    protected MaintainServices Services => services;

    /// <summary>Loads the hub and the partner choices; false when the person may not manage it (the refusal is then in <paramref name="refusal"/>).</summary>
    protected async Task<IActionResult?> LoadHubAsync(string slug, CancellationToken ct)
    {
        var list = await services.ListAsync(slug, new ListQuery(1, 1, "title", false), ct);
        if (!list.IsOk) return this.Refusal(list.Outcome);
        var hub = (await hubs.GetAsync(slug, ct))!;
        Slug = hub.Slug;
        HubName = hub.Name;
        InNetwork = list.Value!.InNetwork;
        Partners = await services.PartnerChoicesAsync(hub.Id, ct);
        return null;
    }

    protected override string ErrorKey(string prefix, string field)
    {
        // "texts.pt-PT.title" is the form's "Input.Pt.Title".
        if (field.StartsWith("texts.", StringComparison.Ordinal))
        {
            var parts = field.Split('.');
            var property = ServiceForm.TextFields.FirstOrDefault(f => f.Culture == parts[1]).Property;
            if (property is not null && parts.Length == 3) return $"{prefix}.{property}.{char.ToUpperInvariant(parts[2][0])}{parts[2][1..]}";
        }
        return base.ErrorKey(prefix, field);
    }
}
