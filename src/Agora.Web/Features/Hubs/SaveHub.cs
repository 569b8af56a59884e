using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hubs;

/// <summary>What a hub is made of, as sent by the form or the API.</summary>
public sealed record HubInput
{
    public string? Slug { get; init; }
    public string? Region { get; init; }
    public JoinPolicy? JoinPolicy { get; init; }
    public List<string>? Languages { get; init; }
    public List<string>? FocusAreas { get; init; }
    public List<HubTextInput>? Texts { get; init; }
    /// <summary>IANA time zone id (e.g. "Europe/Oslo"); event times and deadlines are entered and shown in it. Left out: unchanged (Europe/Lisbon for a new hub).</summary>
    public string? TimeZone { get; init; }
}

public sealed record HubTextInput(string? Culture, string? Name, string? Description);

/// <summary>A logo upload: PNG, JPEG or WebP, recognised by content, at most 512 KB.</summary>
public sealed record LogoInput(byte[] Content);

/// <summary>Creating (platform admin) and editing (hub manager) a hub.</summary>
public sealed class SaveHub(AgoraDbContext db, CurrentUser current, IAuthorizationService authz, Validator v, AuditLog audit, TimeProvider clock)
{
    public const int MaxLogoBytes = 512 * 1024;

    /// <summary>Slugs that name pages under /hubs/.</summary>
    private static readonly string[] Reserved = ["new"];

    public async Task<Result<string>> CreateAsync(HubInput input, LogoInput? logo, CancellationToken ct)
    {
        if (!current.IsPlatformAdmin) return Result<string>.Forbidden();
        var hub = new Hub { Id = Guid.NewGuid(), CreatedAt = clock.GetUtcNow() };
        var slug = v.Slug("slug", input.Slug);
        if (v.IsValid && (Reserved.Contains(slug) || await db.Hubs.AnyAsync(h => h.Slug == slug, ct))) v.Add("slug", "Validation.SlugTaken");
        hub.Slug = slug;
        var focus = await ApplyAsync(hub, input, logo, ct);
        if (!v.IsValid) return Result<string>.Invalid(v.Errors);
        db.Hubs.Add(hub);
        hub.FocusAreas = focus.Select(id => new HubFocusArea { HubId = hub.Id, FocusAreaId = id }).ToList();
        // The creator manages the new hub until they hand it over.
        db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = current.RequiredId, Roles = HubRoles.Member | HubRoles.HubManager, JoinedAt = hub.CreatedAt });
        audit.Add(AuditActions.HubCreated, hub.Id, hub.Slug);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<string>.Conflict("slug", v.Message("Validation.SlugTaken"));
        }
        return Result<string>.Ok(hub.Slug);
    }

    public async Task<Result<string>> UpdateAsync(string slug, HubInput input, LogoInput? logo, bool removeLogo, CancellationToken ct)
    {
        var hub = await db.Hubs.Include(h => h.Texts).Include(h => h.FocusAreas).AsSplitQuery().SingleOrDefaultAsync(h => h.Slug == slug, ct);
        if (hub is null) return Result<string>.NotFound();
        if (!(await authz.AuthorizeAsync(current.Principal, new HubResource(hub.Id), HubOperations.Manage)).Succeeded)
            return Result<string>.Forbidden();
        var zoneBefore = hub.TimeZone;
        var focus = await ApplyAsync(hub, input, logo, ct);
        if (!v.IsValid) return Result<string>.Invalid(v.Errors);
        if (removeLogo && logo is null)
        {
            hub.Logo = null;
            hub.LogoContentType = null;
        }
        db.HubFocusAreas.RemoveRange(hub.FocusAreas.Where(f => !focus.Contains(f.FocusAreaId)));
        foreach (var id in focus.Where(id => hub.FocusAreas.All(f => f.FocusAreaId != id)))
            db.HubFocusAreas.Add(new HubFocusArea { HubId = hub.Id, FocusAreaId = id });
        audit.Add(AuditActions.HubUpdated, hub.Id, hub.Slug, zoneBefore == hub.TimeZone ? null : $"timeZone: {zoneBefore} -> {hub.TimeZone}");
        await db.SaveChangesAsync(ct);
        return Result<string>.Ok(hub.Slug);
    }

    /// <summary>Validates the input and copies it onto the hub; returns the focus area ids.</summary>
    private async Task<List<int>> ApplyAsync(Hub hub, HubInput input, LogoInput? logo, CancellationToken ct)
    {
        hub.Region = v.Text("region", input.Region, 120);
        if (input.JoinPolicy is { } policy && Enum.IsDefined(policy)) hub.JoinPolicy = policy;
        else v.Add("joinPolicy", "Validation.Required");
        if (input.TimeZone is { } zone)
        {
            if (HubTimeZones.IsOffered(zone)) hub.TimeZone = zone;
            else v.Add("timeZone", "Validation.TimeZone");
        }

        var languages = (input.Languages ?? []).Where(LocalizationSetup.IsSupported).Select(LocalizationSetup.Normalize).Distinct().ToList();
        if (languages.Count == 0 || languages.Count != (input.Languages ?? []).Count) v.Add("languages", "Validation.Languages");
        hub.Languages = string.Join(',', languages);

        var known = await db.FocusAreas.ToDictionaryAsync(f => f.Key, f => f.Id, ct);
        var focusKeys = (input.FocusAreas ?? []).Distinct().ToList();
        if (focusKeys.Any(k => !known.ContainsKey(k))) v.Add("focusAreas", "Validation.Invalid");
        var focus = focusKeys.Where(known.ContainsKey).Select(k => known[k]).ToList();

        var texts = (input.Texts ?? []).Where(t => !string.IsNullOrWhiteSpace(t.Name) || !string.IsNullOrWhiteSpace(t.Description)).ToList();
        if (texts.Count == 0) v.Add("texts", "Validation.HubTextRequired");
        var cleaned = new List<HubText>();
        for (var i = 0; i < texts.Count; i++)
        {
            var t = texts[i];
            if (!LocalizationSetup.IsSupported(t.Culture) || cleaned.Any(c => c.Culture == LocalizationSetup.Normalize(t.Culture!)))
            {
                v.Add($"texts[{i}].culture", "Validation.Invalid");
                continue;
            }
            var culture = LocalizationSetup.Normalize(t.Culture!);
            cleaned.Add(new HubText
            {
                HubId = hub.Id,
                Culture = culture,
                Name = v.Text(TextField(culture, "Name"), t.Name, 120),
                Description = v.Text(TextField(culture, "Description"), t.Description, 4000, multiline: true),
            });
        }
        if (logo is not null)
        {
            var type = ImageTypes.Detect(logo.Content);
            if (logo.Content.Length > MaxLogoBytes) v.Add("logo", "Validation.LogoTooLarge", MaxLogoBytes / 1024);
            else if (type is null) v.Add("logo", "Validation.LogoType");
            else
            {
                hub.Logo = logo.Content;
                hub.LogoContentType = type;
            }
        }
        if (!v.IsValid) return focus;

        var primary = cleaned.FirstOrDefault(c => c.Culture == languages.FirstOrDefault()) ?? cleaned[0];
        hub.Name = primary.Name;
        hub.Description = primary.Description;
        hub.Texts.RemoveAll(existing => cleaned.All(c => c.Culture != existing.Culture));
        foreach (var c in cleaned)
        {
            var existing = hub.Texts.FirstOrDefault(x => x.Culture == c.Culture);
            if (existing is null) hub.Texts.Add(c);
            else
            {
                existing.Name = c.Name;
                existing.Description = c.Description;
            }
        }
        return focus;
    }

    /// <summary>Field name of a text in one language, as the form names it ("nameEn", "descriptionPtPT").</summary>
    public static string TextField(string culture, string field) =>
        char.ToLowerInvariant(field[0]) + field[1..] + char.ToUpperInvariant(culture[0]) + culture[1..].Replace("-", "");
}
