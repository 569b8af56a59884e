using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Requests.Pages;

/// <summary>
/// A kind of request's form: shown as it is for the built-in kinds, built field by field for the hub's own (sections,
/// fields of eight kinds, repeatable groups, required, help and options in three languages). Plain forms, no JavaScript.
/// </summary>
public sealed class TypeFormModel(HubQueries hubs, RequestTypeAdmin admin, IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public RequestTypeDetail Type { get; private set; } = null!;

    public sealed class FieldForm
    {
        public string? Section { get; set; }
        public string? Group { get; set; }
        public string? Key { get; set; }
        public FieldKind? Kind { get; set; }
        public string? LabelEn { get; set; }
        public string? LabelPt { get; set; }
        public string? LabelNb { get; set; }
        public string? HelpEn { get; set; }
        public string? HelpPt { get; set; }
        public string? HelpNb { get; set; }
        public bool Required { get; set; }
        /// <summary>Required only when this choice field has one of <see cref="RequiredValues"/> (comma-separated option keys).</summary>
        public string? RequiredIfField { get; set; }
        public string? RequiredValues { get; set; }
        /// <summary>One option a line: "key; English; Português; Norsk".</summary>
        public string? Options { get; set; }
    }

    public sealed class SectionForm
    {
        public string? Key { get; set; }
        public string? TitleEn { get; set; }
        public string? TitlePt { get; set; }
        public string? TitleNb { get; set; }
    }

    [BindProperty] public FieldForm Field { get; set; } = new();
    [BindProperty] public SectionForm Section { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, string key, CancellationToken ct) => await LoadAsync(slug, key, ct) ?? Page();

    public async Task<IActionResult> OnPostFieldAsync(string slug, string key, CancellationToken ct)
    {
        if (await LoadAsync(slug, key, ct) is { } refused) return refused;
        var options = (Field.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(';', StringSplitOptions.TrimEntries))
            .Select(p => new FieldOption(p[0], new LocalText(p.ElementAtOrDefault(1) ?? "", p.ElementAtOrDefault(2) ?? "", p.ElementAtOrDefault(3) ?? ""))).ToList();
        var help = string.IsNullOrWhiteSpace(Field.HelpEn) && string.IsNullOrWhiteSpace(Field.HelpPt) && string.IsNullOrWhiteSpace(Field.HelpNb)
            ? null : new LocalText(Field.HelpEn ?? "", Field.HelpPt ?? "", Field.HelpNb ?? "");
        var field = new RequestField(Field.Key ?? "", Field.Kind ?? FieldKind.Text, new LocalText(Field.LabelEn ?? "", Field.LabelPt ?? "", Field.LabelNb ?? ""),
            help, Field.Required, options.Count > 0 ? options : null, Field.Kind == FieldKind.Group ? [] : null,
            RequiredIf: string.IsNullOrEmpty(Field.RequiredIfField) ? null
                : new RequiredWhen(Field.RequiredIfField, (Field.RequiredValues ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        var sections = Type.Form.Sections.Select(s =>
        {
            if (s.Key != Field.Section) return s;
            if (string.IsNullOrEmpty(Field.Group)) return s with { Fields = [.. s.Fields, field] };
            return s with { Fields = s.Fields.Select(f => f.Key == Field.Group && f.Kind == FieldKind.Group ? f with { Fields = [.. f.Fields ?? [], field] } : f).ToList() };
        }).ToList();
        return await SaveAsync(slug, key, new RequestForm(sections), "Requests.Types.FieldAdded", ct);
    }

    public async Task<IActionResult> OnPostSectionAsync(string slug, string key, CancellationToken ct)
    {
        if (await LoadAsync(slug, key, ct) is { } refused) return refused;
        var section = new FormSection(Section.Key ?? "", new LocalText(Section.TitleEn ?? "", Section.TitlePt ?? "", Section.TitleNb ?? ""), []);
        return await SaveAsync(slug, key, new RequestForm([.. Type.Form.Sections, section]), "Requests.Types.SectionAdded", ct);
    }

    /// <summary>Removes a field (or a section when <paramref name="field"/> is empty), or moves it one place up or down.</summary>
    public async Task<IActionResult> OnPostChangeAsync(string slug, string key, string section, string? field, string change, CancellationToken ct)
    {
        if (await LoadAsync(slug, key, ct) is { } refused) return refused;
        static List<T> Move<T>(List<T> items, int at, string change)
        {
            if (at < 0) return items;
            var other = change == "up" ? at - 1 : at + 1;
            if (change == "remove") items.RemoveAt(at);
            else if (other >= 0 && other < items.Count) (items[at], items[other]) = (items[other], items[at]);
            return items;
        }
        var sections = Type.Form.Sections.ToList();
        var s = sections.FindIndex(x => x.Key == section);
        if (s < 0) return NotFound();
        if (string.IsNullOrEmpty(field)) sections = Move(sections, s, change);
        else
        {
            var fields = sections[s].Fields.ToList();
            var f = fields.FindIndex(x => x.Key == field);
            if (f >= 0) fields = Move(fields, f, change);
            else
            {
                // A field inside a group.
                fields = fields.Select(g => g.Kind == FieldKind.Group && g.Fields?.Any(x => x.Key == field) == true
                    ? g with { Fields = Move(g.Fields.ToList(), g.Fields.ToList().FindIndex(x => x.Key == field), change) } : g).ToList();
            }
            sections[s] = sections[s] with { Fields = fields };
        }
        return await SaveAsync(slug, key, new RequestForm(sections), "Common.Saved", ct);
    }

    private async Task<IActionResult> SaveAsync(string slug, string key, RequestForm form, string flash, CancellationToken ct)
    {
        var result = await admin.SetFormAsync(slug, key, form, ct);
        return await this.AnswerAsync(result, t[flash].Value, _ => $"/hubs/{slug}/requests/types/{key}", () => Task.FromResult<IActionResult>(Page()),
            errorKey: (_, _) => "");
    }

    private async Task<IActionResult?> LoadAsync(string slug, string key, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        var list = await admin.ListAsync(slug, ct);
        if (list.Outcome is Outcome.NotFound or Outcome.Forbidden) return this.Refusal(list.Outcome);
        if (list.Value!.FirstOrDefault(x => x.Type.Key == key) is not { } type) return NotFound();
        Hub = hub;
        Type = type;
        return null;
    }
}
