using System.Globalization;
using System.Text;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Campaigns;

/// <summary>A campaign as sent by the form or the API. On update, lists replace what is there; a missing <see cref="Featured"/> keeps it.</summary>
public sealed record CampaignInput
{
    /// <summary>Only when creating; made from the title when empty. It cannot change later.</summary>
    public string? Slug { get; init; }
    /// <summary>en, pt-PT or nb-NO; the hub's first language when empty.</summary>
    public string? Language { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }
    /// <summary>Markdown.</summary>
    public string? Description { get; init; }
    public StrategicDriver? Driver { get; init; }
    public CampaignAudience? Audience { get; init; }
    /// <summary>Keys of seeded focus areas (GET /api/v1/focus-areas).</summary>
    public List<string>? FocusAreas { get; init; }
    public bool? Featured { get; init; }
    /// <summary>1 to 1000; none for no limit.</summary>
    public int? IdeasPerPerson { get; init; }
    /// <summary>1 to 1000; none for no limit.</summary>
    public int? VotesPerPerson { get; init; }
    /// <summary>Submission, voting and review; a phase left out is switched off.</summary>
    public List<PhaseInput>? Phases { get; init; }
    /// <summary>At most 20, in order of position; existing ones by id. Leaving out a question deletes it unless it has answers.</summary>
    public List<QuestionInput>? Questions { get; init; }
}

public sealed record PhaseInput
{
    public PhaseKind? Kind { get; init; }
    public bool? Enabled { get; init; }
    public DateOnly? StartsOn { get; init; }
    /// <summary>Inclusive; not before <see cref="StartsOn"/>.</summary>
    public DateOnly? EndsOn { get; init; }
    public bool? CommentsEnabled { get; init; }
    public bool? ShowVoteCounts { get; init; }
}

public sealed record QuestionInput
{
    /// <summary>An existing question of the campaign; none for a new one.</summary>
    public Guid? Id { get; init; }
    public int? Position { get; init; }
    public QuestionKind? Kind { get; init; }
    public string? Label { get; init; }
    public string? Help { get; init; }
    public bool? Required { get; init; }
    /// <summary>Choices of a single or multiple choice question: 2 to 20.</summary>
    public List<string>? Options { get; init; }

    /// <summary>An empty row of the form: ignored.</summary>
    public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Help)
        && (Options ?? []).All(string.IsNullOrWhiteSpace);
}

/// <summary>Creating and editing a campaign, with its phases, questions, focus areas and cover (hub managers and platform admins).</summary>
public sealed class SaveCampaign(AgoraDbContext db, Viewers viewers, CurrentUser current, ICampaignIdeas ideas, Validator v, AuditLog audit, TimeProvider clock)
{
    public const int MaxQuestions = 20;
    public const int MinOptions = 2;
    public const int MaxOptions = 20;
    public const int MaxOptionLength = 190;
    public const int MinLimit = 1;
    public const int MaxLimit = 1000;

    /// <summary>Slugs that name pages under /hubs/{hub}/campaigns/.</summary>
    private static readonly string[] Reserved = ["new"];

    public async Task<Result<string>> CreateAsync(string hubSlug, CampaignInput input, UploadInput? cover, CancellationToken ct)
    {
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Slug == hubSlug).Select(h => new { h.Id, h.Languages }).SingleOrDefaultAsync(ct);
        if (hub is null) return Result<string>.NotFound();
        // The hub is public, so someone who may not manage it is refused rather than told it is not there.
        if (!(await viewers.ForHubAsync(hub.Id, ct)).CanManage) return Result<string>.Forbidden();

        var now = clock.GetUtcNow();
        var campaign = new Campaign
        {
            Id = Guid.NewGuid(), HubId = hub.Id, State = CampaignState.Draft, CreatedById = current.RequiredId, CreatedAt = now, UpdatedAt = now,
        };
        campaign.Slug = await SlugAsync(hub.Id, input, ct);
        var hubLanguage = hub.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "en";
        await ApplyAsync(campaign, input, hubLanguage, new HashSet<Guid>(), ct);
        campaign.Featured = input.Featured ?? false;
        var file = cover is null ? null : CoverImages.Check(v, cover, current.RequiredId, now);
        if (!v.IsValid) return Result<string>.Invalid(v.Errors);

        db.Campaigns.Add(campaign);
        if (file is not null) CoverImages.Replace(db, campaign, file);
        audit.Add(AuditActions.CampaignCreated, hub.Id, campaign.Slug, campaign.Title);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone took the address between the check and the insert.
            return Result<string>.Conflict("slug", v.Message("Validation.SlugTaken"));
        }
        return Result<string>.Ok(campaign.Slug);
    }

    /// <param name="removeCover">Removes the cover when no new one is sent.</param>
    public async Task<Result<string>> UpdateAsync(string hubSlug, string campaignSlug, CampaignInput input, UploadInput? cover, bool removeCover,
        CancellationToken ct)
    {
        var campaign = await CampaignAccess.Find(db, hubSlug, campaignSlug)
            .Include(c => c.Phases).Include(c => c.Questions).Include(c => c.FocusAreas).AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        if (campaign is null) return Result<string>.NotFound();
        var viewer = await viewers.ForHubAsync(campaign.HubId, ct);
        if (CampaignAccess.RefuseUnlessManager(campaign.State, campaign.Audience, viewer) is { } refused)
            return CampaignAccess.Refused<string>(refused);

        var questionIds = campaign.Questions.Select(q => q.Id).ToList();
        var answered = (await ideas.AnsweredQuestionIds.Where(id => questionIds.Contains(id)).Distinct().ToListAsync(ct))
            .ToHashSet();
        // An empty language keeps the campaign's own.
        await ApplyAsync(campaign, input, campaign.Language, answered, ct);
        if (input.Featured is { } featured) campaign.Featured = featured;
        var now = clock.GetUtcNow();
        var file = cover is null ? null : CoverImages.Check(v, cover, current.RequiredId, now);
        if (!v.IsValid) return Result<string>.Invalid(v.Errors);

        if (file is not null) CoverImages.Replace(db, campaign, file);
        else if (removeCover && campaign.CoverFileId is not null) CoverImages.Replace(db, campaign, null);
        campaign.UpdatedAt = now;
        audit.Add(AuditActions.CampaignUpdated, campaign.HubId, campaign.Slug, campaign.Title);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another manager deleted a question (or more) between our read and our write.
            return Result<string>.Conflict("", v.Message("Campaigns.ChangedMeanwhile"));
        }
        return Result<string>.Ok(campaign.Slug);
    }

    private async Task<string> SlugAsync(Guid hubId, CampaignInput input, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(input.Slug))
        {
            var slug = v.Slug("slug", input.Slug);
            if (v.IsValid && (Reserved.Contains(slug) || await db.Campaigns.AnyAsync(c => c.HubId == hubId && c.Slug == slug, ct)))
                v.Add("slug", "Validation.SlugTaken");
            return slug;
        }
        var made = Slugify(input.Title ?? "");
        if (made.Length == 0)
        {
            // Without a title its own error says enough; a title of other scripts needs an address typed in.
            if (!string.IsNullOrWhiteSpace(input.Title)) v.Add("slug", "Validation.Required");
            return made;
        }
        var taken = await db.Campaigns.Where(c => c.HubId == hubId && c.Slug.StartsWith(made)).Select(c => c.Slug).ToListAsync(ct);
        taken.AddRange(Reserved);
        if (!taken.Contains(made)) return made;
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var candidate = made[..Math.Min(made.Length, 60 - suffix.Length)].TrimEnd('-') + suffix;
            if (!taken.Contains(candidate)) return candidate;
        }
    }

    /// <summary>Validates the input and copies it onto the campaign (not saved while there are errors).</summary>
    private async Task ApplyAsync(Campaign campaign, CampaignInput input, string defaultLanguage, HashSet<Guid> answered, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Language)) campaign.Language = LocalizationSetup.IsSupported(defaultLanguage) ? LocalizationSetup.Normalize(defaultLanguage) : "en";
        else if (LocalizationSetup.IsSupported(input.Language)) campaign.Language = LocalizationSetup.Normalize(input.Language);
        else v.Add("language", "Validation.Invalid");

        campaign.Title = v.Text("title", input.Title, 200);
        campaign.Summary = v.Text("summary", input.Summary, 500, multiline: true);
        campaign.Description = v.Text("description", input.Description, 20000, required: false, multiline: true);

        if (input.Driver is { } driver && Enum.IsDefined(driver)) campaign.Driver = driver;
        else v.Add("driver", input.Driver is null ? "Validation.Required" : "Validation.Invalid");
        if (input.Audience is { } audience && Enum.IsDefined(audience)) campaign.Audience = audience;
        else v.Add("audience", input.Audience is null ? "Validation.Required" : "Validation.Invalid");

        campaign.IdeasPerPerson = Limit("ideasPerPerson", input.IdeasPerPerson);
        campaign.VotesPerPerson = Limit("votesPerPerson", input.VotesPerPerson);

        await ApplyFocusAreasAsync(campaign, input.FocusAreas ?? [], ct);
        ApplyPhases(campaign, input.Phases ?? []);
        ApplyQuestions(campaign, input.Questions ?? [], answered);
    }

    private int? Limit(string field, int? value)
    {
        if (value is { } n && (n < MinLimit || n > MaxLimit)) v.Add(field, "Campaigns.LimitRange", MinLimit, MaxLimit);
        return value;
    }

    private async Task ApplyFocusAreasAsync(Campaign campaign, List<string> keys, CancellationToken ct)
    {
        var known = await db.FocusAreas.AsNoTracking().ToDictionaryAsync(f => f.Key, f => f.Id, ct);
        if (keys.Any(k => k is null || !known.ContainsKey(k)))
        {
            v.Add("focusAreas", "Validation.Invalid");
            return;
        }
        var ids = keys.Distinct().Select(k => known[k]).ToHashSet();
        foreach (var gone in campaign.FocusAreas.Where(f => !ids.Contains(f.FocusAreaId)).ToList())
        {
            campaign.FocusAreas.Remove(gone);
            db.CampaignFocusAreas.Remove(gone);
        }
        foreach (var id in ids.Where(id => campaign.FocusAreas.All(f => f.FocusAreaId != id)))
            Attach(campaign.FocusAreas, db.CampaignFocusAreas, new CampaignFocusArea { CampaignId = campaign.Id, FocusAreaId = id });
    }

    /// <summary>Every campaign keeps one row per phase kind; those not sent are switched off.</summary>
    private void ApplyPhases(Campaign campaign, List<PhaseInput> phases)
    {
        var byKind = new Dictionary<PhaseKind, PhaseInput>();
        for (var i = 0; i < phases.Count; i++)
        {
            var p = phases[i];
            if (p?.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                v.Add($"phases[{i}].kind", "Validation.Invalid");
                continue;
            }
            if (!byKind.TryAdd(kind, p))
            {
                v.Add($"phases[{i}].kind", "Campaigns.PhaseTwice");
                continue;
            }
            if (p.StartsOn is { } start && !Plausible(start)) v.Add($"phases[{i}].startsOn", "Validation.Invalid");
            if (p.EndsOn is { } end && !Plausible(end)) v.Add($"phases[{i}].endsOn", "Validation.Invalid");
            else if (p.StartsOn is { } s && p.EndsOn is { } e && e < s) v.Add($"phases[{i}].endsOn", "Campaigns.PhaseEndsBeforeStart");
        }
        foreach (var kind in Enum.GetValues<PhaseKind>())
        {
            var p = byKind.GetValueOrDefault(kind);
            var phase = campaign.Phases.FirstOrDefault(x => x.Kind == kind);
            if (phase is null) Attach(campaign.Phases, db.CampaignPhases, phase = new CampaignPhase { CampaignId = campaign.Id, Kind = kind });
            phase.Enabled = p?.Enabled ?? false;
            phase.StartsOn = p?.StartsOn;
            phase.EndsOn = p?.EndsOn;
            phase.CommentsEnabled = p?.CommentsEnabled ?? true;
            phase.ShowVoteCounts = p?.ShowVoteCounts ?? true;
        }
    }

    /// <summary>
    /// Adds a new row explicitly: found only through the navigation of a tracked campaign, a row whose key is
    /// already set would be taken for an existing one and updated instead of inserted.
    /// </summary>
    private static void Attach<T>(List<T> collection, DbSet<T> set, T item) where T : class
    {
        collection.Add(item);
        set.Add(item);
    }

    private static bool Plausible(DateOnly date) => date.Year is >= 2000 and <= 2200;

    /// <summary>
    /// Questions are matched by id, so answers stay with their question when it is reordered or relabelled;
    /// a question with answers keeps its kind and cannot be deleted.
    /// </summary>
    private void ApplyQuestions(Campaign campaign, List<QuestionInput> questions, HashSet<Guid> answered)
    {
        var kept = new HashSet<Guid>();
        var planned = new List<(int Index, int? Position, CampaignQuestion Question, QuestionKind Kind, string Label, string Help, bool Required, string Options)>();
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            if (q is null || q.IsBlank) continue;
            var field = $"questions[{i}]";
            CampaignQuestion? target;
            if (q.Id is { } id)
            {
                target = campaign.Questions.FirstOrDefault(e => e.Id == id);
                if (target is null || !kept.Add(id))
                {
                    v.Add(field + ".id", "Validation.Invalid");
                    continue;
                }
            }
            else
            {
                target = new CampaignQuestion { Id = Guid.NewGuid(), CampaignId = campaign.Id };
            }

            var kind = target.Kind;
            if (q.Kind is not { } k || !Enum.IsDefined(k)) v.Add(field + ".kind", q.Kind is null ? "Validation.Required" : "Validation.Invalid");
            else if (q.Id is not null && answered.Contains(target.Id) && k != target.Kind) v.Add(field + ".kind", "Campaigns.QuestionKindLocked");
            else kind = k;
            var label = v.Text(field + ".label", q.Label, 300);
            var help = v.Text(field + ".help", q.Help, 1000, required: false);
            var options = kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? Options(field + ".options", q.Options ?? []) : "";
            planned.Add((i, q.Position, target, kind, label, help, q.Required ?? false, options));
        }
        if (planned.Count > MaxQuestions) v.Add("questions", "Campaigns.TooManyQuestions", MaxQuestions);
        var removed = campaign.Questions.Where(e => !kept.Contains(e.Id)).ToList();
        foreach (var gone in removed.Where(e => answered.Contains(e.Id)))
            v.Add("questions", "Campaigns.QuestionHasAnswers", gone.Label);
        if (!v.IsValid) return;

        var position = 0;
        foreach (var p in planned.OrderBy(p => p.Position ?? int.MaxValue).ThenBy(p => p.Index))
        {
            var q = p.Question;
            q.Position = ++position;
            q.Kind = p.Kind;
            q.Label = p.Label;
            q.Help = p.Help;
            q.Required = p.Required;
            q.Options = p.Options;
            if (!campaign.Questions.Contains(q)) Attach(campaign.Questions, db.CampaignQuestions, q);
        }
        foreach (var gone in removed)
        {
            campaign.Questions.Remove(gone);
            db.CampaignQuestions.Remove(gone);
        }
    }

    /// <summary>The choices one per line, as stored; empty lines are dropped.</summary>
    private string Options(string field, List<string> given)
    {
        var options = new List<string>();
        foreach (var raw in given)
        {
            var option = Validator.Clean(raw);
            if (option.Length == 0) continue;
            if (Validator.HasControlCharacters(option, allowNewlines: false))
            {
                v.Add(field, "Validation.ControlCharacters");
                return "";
            }
            if (new StringInfo(option).LengthInTextElements > MaxOptionLength || option.Length > MaxOptionLength * 2)
            {
                v.Add(field, "Campaigns.OptionTooLong", MaxOptionLength);
                return "";
            }
            options.Add(option);
        }
        if (options.Count < MinOptions || options.Count > MaxOptions) v.Add(field, "Campaigns.OptionCount", MinOptions, MaxOptions);
        else if (options.Distinct(StringComparer.CurrentCultureIgnoreCase).Count() != options.Count) v.Add(field, "Campaigns.OptionTwice");
        var joined = string.Join('\n', options);
        if (joined.Length > 4000) v.Add(field, "Validation.TooLong", 4000);
        return joined;
    }

    /// <summary>An address made from a title: lower-case ASCII letters and digits between single hyphens, at most 60 characters.</summary>
    public static string Slugify(string title)
    {
        var sb = new StringBuilder();
        foreach (var ch in Validator.Clean(title).Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var text = ch switch
            {
                'æ' => "ae",
                'ø' => "o",
                'œ' => "oe",
                'ß' => "ss",
                'ð' => "d",
                'þ' => "th",
                'ł' => "l",
                _ when char.IsAsciiLetterOrDigit(ch) => ch.ToString(),
                _ => "-",
            };
            if (text == "-" && (sb.Length == 0 || sb[^1] == '-')) continue;
            sb.Append(text);
            if (sb.Length >= 60) break;
        }
        var slug = sb.ToString();
        if (slug.Length > 60) slug = slug[..60];
        return slug.Trim('-');
    }
}
