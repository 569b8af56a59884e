using System.Text.RegularExpressions;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Requests;

public sealed record TypeInput(string? Key, string? NameEn, string? NamePt, string? NameNb, string? DescriptionEn, string? DescriptionPt,
    string? DescriptionNb, int? DecisionMonths, IReadOnlyList<ReviewRole>? SignOffs, bool Active = true, bool SeparateDecider = false);

/// <summary>A kind of request with its form, for the manager's pages and the API.</summary>
public sealed record RequestTypeDetail(RequestTypeView Type, string NameEn, string NamePt, string NameNb, string DescriptionEn, string DescriptionPt,
    string DescriptionNb, RequestForm Form, int Requests);

/// <summary>
/// A hub manager defines the hub's own kinds of request and their forms (fields of eight kinds, repeatable groups,
/// required and conditional rules, help, three languages), and switches any kind on or off. The built-in forms stay as
/// they are. A form is checked whole before it is saved, so no request ever meets a broken form. Audited.
/// </summary>
public sealed partial class RequestTypeAdmin(AgoraDbContext db, Viewers viewers, RequestTypes types, Validator v, AuditLog audit, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t)
{
    public const int MaxTypes = 30;
    public const int MaxMonths = 12;

    [GeneratedRegex("^[a-z][a-zA-Z0-9]{0,39}$")]
    private static partial Regex FieldKey();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex TypeKey();

    private async Task<(Guid Hub, Result<int>? Refused)> ManagedAsync(string hubSlug, CancellationToken ct)
    {
        if (await db.HubIdAsync(hubSlug, ct) is not { } hub) return (Guid.Empty, Result<int>.NotFound());
        return (await viewers.ForHubAsync(hub, ct)).IsManager ? (hub, null) : (hub, Result<int>.Forbidden());
    }

    public async Task<Result<IReadOnlyList<RequestTypeDetail>>> ListAsync(string hubSlug, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return Refuse<IReadOnlyList<RequestTypeDetail>>(refused);
        var all = await types.ForHubAsync(hub, ct);
        // Drafts are the applicants' alone: not even their number reaches the hub's side.
        var counts = await db.Requests.Where(r => r.HubId == hub && r.SubmittedAt != null && r.State != RequestState.Draft).GroupBy(r => r.TypeId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Result<IReadOnlyList<RequestTypeDetail>>.Ok(all.Select(t => new RequestTypeDetail(RequestTypes.View(t), t.NameEn, t.NamePt, t.NameNb,
            t.DescriptionEn, t.DescriptionPt, t.DescriptionNb, RequestAnswers.ReadForm(t.FormJson), counts.FirstOrDefault(c => c.Key == t.Id)?.Count ?? 0)).ToList());
    }

    private static Result<T> Refuse<T>(Result<int> r) => r.Outcome == Outcome.NotFound ? Result<T>.NotFound() : Result<T>.Forbidden();

    /// <summary>A new kind of request with an empty form of one section, filled in next.</summary>
    public async Task<Result<string>> CreateAsync(string hubSlug, TypeInput input, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return Refuse<string>(refused);
        var all = await types.ForHubAsync(hub, ct);
        var key = (input.Key ?? "").Trim().ToLowerInvariant();
        if (!TypeKey().IsMatch(key) || key.Length > 60) v.Add("key", "Validation.Slug");
        else if (all.Any(t => t.Key == key)) v.Add("key", "Validation.SlugTaken");
        if (all.Count >= MaxTypes) v.Add("key", "Requests.Types.TooMany", MaxTypes);
        var meta = Meta(input);
        if (!v.IsValid) return Result<string>.Invalid(v.Errors);
        var (en, pt, nb) = Platform.Localization.ThreeLanguages.Of(t, "Requests.Types.FirstSection");
        var form = new RequestForm([new FormSection("main", new LocalText(en, pt, nb), [])]);
        var type = new RequestType
        {
            Id = Guid.NewGuid(), HubId = hub, Key = key, Kind = RequestKind.Custom, Position = all.Max(t => t.Position) + 1, FormJson = RequestAnswers.WriteForm(form),
            CreatedAt = clock.GetUtcNow(),
        };
        Apply(type, meta);
        db.RequestTypes.Add(type);
        audit.Add(AuditActions.RequestTypeChanged, hub, hubSlug, $"created: {key}");
        await db.SaveChangesAsync(ct);
        return Result<string>.Ok(key);
    }

    private sealed record MetaValues(string NameEn, string NamePt, string NameNb, string DescriptionEn, string DescriptionPt, string DescriptionNb,
        int Months, string SignOffs, bool Active, bool SeparateDecider);

    private MetaValues Meta(TypeInput input)
    {
        var values = new MetaValues(v.Text("nameEn", input.NameEn, 150), v.Text("namePt", input.NamePt, 150), v.Text("nameNb", input.NameNb, 150),
            v.Text("descriptionEn", input.DescriptionEn, 1000, required: false, multiline: true),
            v.Text("descriptionPt", input.DescriptionPt, 1000, required: false, multiline: true),
            v.Text("descriptionNb", input.DescriptionNb, 1000, required: false, multiline: true),
            input.DecisionMonths ?? 0, string.Join(',', (input.SignOffs ?? []).Distinct()), input.Active, input.SeparateDecider);
        if (input.DecisionMonths is not { } months) v.Add("decisionMonths", "Validation.Required");
        else if (months is < 1 or > MaxMonths) v.Add("decisionMonths", "Validation.Range", 1, MaxMonths);
        if ((input.SignOffs ?? []).Any(r => !Enum.IsDefined(r))) v.Add("signOffs", "Validation.Invalid");
        return values;
    }

    private static void Apply(RequestType t, MetaValues m)
    {
        (t.NameEn, t.NamePt, t.NameNb) = (m.NameEn, m.NamePt, m.NameNb);
        (t.DescriptionEn, t.DescriptionPt, t.DescriptionNb) = (m.DescriptionEn, m.DescriptionPt, m.DescriptionNb);
        (t.DecisionMonths, t.SignOffs, t.Active, t.SeparateDecider) = (m.Months, m.SignOffs, m.Active, m.SeparateDecider);
    }

    /// <summary>
    /// Changes a kind's names, descriptions, deadline, sign-offs, whether its decider must be someone other than the reviewers who
    /// signed off, and whether it is offered; a built-in kind may only be switched on or off.
    /// </summary>
    public async Task<Result<string>> UpdateAsync(string hubSlug, string key, TypeInput input, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return Refuse<string>(refused);
        await types.ForHubAsync(hub, ct);
        var type = await db.RequestTypes.SingleOrDefaultAsync(t => t.HubId == hub && t.Key == key, ct);
        if (type is null) return Result<string>.NotFound();
        if (type.Kind != RequestKind.Custom)
        {
            type.Active = input.Active;
        }
        else
        {
            var meta = Meta(input);
            if (!v.IsValid) return Result<string>.Invalid(v.Errors);
            Apply(type, meta);
        }
        audit.Add(AuditActions.RequestTypeChanged, hub, hubSlug, $"changed: {key} ({(type.Active ? "offered" : "not offered")})");
        await db.SaveChangesAsync(ct);
        return Result<string>.Ok(key);
    }

    /// <summary>Replaces a hub's own kind's form, checked whole: keys, kinds, options, groups, conditions.</summary>
    public async Task<Result<string>> SetFormAsync(string hubSlug, string key, RequestForm? form, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return Refuse<string>(refused);
        var type = await db.RequestTypes.SingleOrDefaultAsync(t => t.HubId == hub && t.Key == key, ct);
        if (type is null) return Result<string>.NotFound();
        if (type.Kind != RequestKind.Custom) return Result<string>.Conflict("", v.Message("Requests.Types.BuiltInForm"));
        if (form is null) return Result<string>.Invalid("form", v.Message("Validation.Required"));
        Check(form, v);
        if (!v.IsValid) return Result<string>.Invalid(v.Errors);
        type.FormJson = RequestAnswers.WriteForm(form);
        audit.Add(AuditActions.RequestTypeChanged, hub, hubSlug, $"form of {key}: {form.Fields.Count()} field(s)");
        await db.SaveChangesAsync(ct);
        return Result<string>.Ok(key);
    }

    /// <summary>
    /// The rules every form keeps; errors name the section and field ("sections.0.fields.2.key"). <paramref name="fixedChoices"/> lets a
    /// choice have a single option when that option is also its default: the built-in sandbox form states "synthetic data only" that
    /// way. A hub's own forms may not, so what their managers build stays a question.
    /// </summary>
    public static void Check(RequestForm form, Validator v, bool fixedChoices = false)
    {
        if (form.Sections is not { Count: > 0 }) v.Add("sections", "Requests.Types.NoSection");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<RequestField>();
        var count = 0;
        for (var s = 0; s < (form.Sections?.Count ?? 0); s++)
        {
            var section = form.Sections![s];
            var at = $"sections.{s}";
            if (section.Key is null || !FieldKey().IsMatch(section.Key)) v.Add(at + ".key", "Requests.Types.KeyRule");
            Texts(section.Title, at + ".title", v);
            for (var f = 0; f < (section.Fields?.Count ?? 0); f++)
            {
                count++;
                Field(section.Fields![f], $"{at}.fields.{f}", keys, all, inGroup: false, fixedChoices, v, ref count);
            }
        }
        if (count > RequestFormRules.MaxFields) v.Add("sections", "Requests.Types.TooManyFields", RequestFormRules.MaxFields);
        // Conditions name a choice of the same form and its options.
        foreach (var field in all.Where(f => f.RequiredIf is not null))
        {
            var target = all.FirstOrDefault(f => f.Key == field.RequiredIf!.Field && f.Kind is FieldKind.Choice or FieldKind.MultiChoice);
            if (target?.Options is null || field.RequiredIf!.Values is not { Count: > 0 } values || values.Any(x => target.Options.All(o => o.Key != x)))
                v.Add("requiredIf." + field.Key, "Requests.Types.RequiredIf");
        }
    }

    private static void Field(RequestField field, string at, HashSet<string> keys, List<RequestField> all, bool inGroup, bool fixedChoices, Validator v,
        ref int count)
    {
        if (field.Key is null || !FieldKey().IsMatch(field.Key)) v.Add(at + ".key", "Requests.Types.KeyRule");
        else if (!keys.Add(field.Key)) v.Add(at + ".key", "Requests.Types.KeyTaken");
        if (!Enum.IsDefined(field.Kind)) v.Add(at + ".kind", "Validation.Invalid");
        Texts(field.Label, at + ".label", v);
        if (field.Help is not null) Texts(field.Help, at + ".help", v, required: false);
        if (field.Kind is FieldKind.Choice or FieldKind.MultiChoice)
        {
            var fewest = fixedChoices && field.Default is not null ? 1 : 2;
            if (field.Options is null || field.Options.Count < fewest) v.Add(at + ".options", "Requests.Types.Options");
            else
            {
                if (field.Options.Select(o => o.Key).Distinct().Count() != field.Options.Count || field.Options.Any(o => o.Key is null || !FieldKey().IsMatch(o.Key)))
                    v.Add(at + ".options", "Requests.Types.OptionKeys");
                foreach (var o in field.Options) Texts(o.Label, at + ".options", v);
                if (field.Default is { } d && field.Options.All(o => o.Key != d)) v.Add(at + ".default", "Validation.Invalid");
            }
        }
        if (field.MaxLength is { } max && (max < 1 || max > RequestFormRules.LongTextLength)) v.Add(at + ".maxLength", "Validation.Range", 1, RequestFormRules.LongTextLength);
        if (inGroup && field.Kind is FieldKind.Group or FieldKind.File) v.Add(at + ".kind", "Requests.Types.InGroup");
        if (field.Kind == FieldKind.Group)
        {
            if (field.Fields is not { Count: > 0 }) v.Add(at + ".fields", "Requests.Types.EmptyGroup");
            for (var i = 0; i < (field.Fields?.Count ?? 0); i++)
            {
                count++;
                Field(field.Fields![i], $"{at}.fields.{i}", keys, all, inGroup: true, fixedChoices, v, ref count);
            }
        }
        all.Add(field);
    }

    private static void Texts(LocalText? text, string at, Validator v, bool required = true)
    {
        if (text is null)
        {
            if (required) v.Add(at, "Validation.Required");
            return;
        }
        v.Text(at + ".en", text.En, 500, required: required, multiline: true);
        v.Text(at + ".pt", text.Pt, 500, required: required, multiline: true);
        v.Text(at + ".nb", text.Nb, 500, required: required, multiline: true);
    }
}
