using System.Globalization;
using Agora.Web.Features.Network;
using Agora.Web.Features.Notifications;
using Agora.Web.Features.Requests;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Profiles;

/// <summary>
/// A profile as written by its organisation. Lists are vocabulary keys (technologies, sectors), ISO country codes,
/// NUTS-2 codes, free keywords, and the names of <see cref="PartnershipTypes"/> and <see cref="HealthStandards"/>.
/// On create, <c>organisation</c> (slug) is required and <c>hub</c> (slug) defaults to the hub proposed for the
/// organisation's customer region; on update, <c>version</c> names the version it was made from.
/// </summary>
public sealed record ProfileInput(
    string? Organisation = null, string? Hub = null, ProfileKind? Kind = null, string? Language = null, string? Title = null, string? Summary = null,
    string? Description = null, string[]? Keywords = null, string[]? Technologies = null, string[]? Sectors = null, int? Trl = null,
    int? TrlSoughtMin = null, int? TrlSoughtMax = null, DevelopmentStage? Stage = null, IntellectualProperty? IntellectualProperty = null,
    string? PartnerSought = null, string[]? Partnerships = null, string[]? CountriesSought = null, string[]? RegionsSought = null,
    DateOnly? Deadline = null, DeviceClass? DeviceClass = null, CeMarking? CeMarking = null, bool? NeedsClinicalData = null,
    bool? NeedsHealthDataPermit = null, int? DataApplicationId = null, string[]? Standards = null, int? Version = null);

/// <summary>Submitting for review, with an optional reply to the reviewer's comments.</summary>
public sealed record SubmitProfileInput(int? Version = null, string? Reply = null);

public enum ReviewDecision
{
    Approve,
    RequestChanges,
}

/// <summary>A review: approve, or request changes with a required comment.</summary>
public sealed record ReviewInput(ReviewDecision? Decision = null, string? Comment = null, int? Version = null);

public sealed record VersionInput(int? Version = null);

/// <summary>
/// The profile's way: created as a draft by a member of its organisation, submitted to its hub for review (with a
/// reply to earlier comments), approved (published for 12 months, or until its deadline) or sent back with a comment,
/// renewed by its organisation, withdrawn. Editing a published profile sends it back to review. Every step is
/// audited, the hub's desk is told of a submission and the author of the decision. A change names the version it was
/// made from; one made from a stale version answers 409.
/// </summary>
public sealed class PartneringProfiles(AgoraDbContext db, PartneringAccess access, RequestAccess requests, Validator v, AuditLog audit,
    Notifier notifier, TimeProvider clock, JobQueue jobs)
{
    public const int TitleMax = 200;
    public const int SummaryMax = 500;
    public const int DescriptionMax = 8000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    public static readonly string[] Languages = ["en", "pt-PT", "nb-NO"];

    /// <summary>ISO 3166-1 alpha-2 codes a partner may be sought in: Europe's countries and the partners the network works with most.</summary>
    public static readonly string[] Countries =
    [
        "AL", "AD", "AT", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FO", "FR", "GB", "GR", "HR", "HU", "IE", "IL",
        "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SK", "SM", "TR", "UA",
        "XK", "BR", "CA", "US", "JP", "KR", "CN", "IN", "AU", "ZA", "MA", "TN", "EG", "CV", "AO", "MZ",
    ];

    public static string Subject(PartneringProfile p) => $"#{p.Id.ToString(CultureInfo.InvariantCulture)} {p.Title}";

    public static string PathOf(int id) => $"/matchmaking/profiles/{id.ToString(CultureInfo.InvariantCulture)}";

    public async Task<Result<int>> CreateAsync(ProfileInput input, CancellationToken ct)
    {
        if (access.Me is not { } me) return Result<int>.Forbidden();
        var org = await db.Organisations.AsNoTracking().Where(o => o.Slug == input.Organisation).Select(o => new { o.Id }).SingleOrDefaultAsync(ct);
        // Someone who is not a member learns no more than a wrong slug would tell.
        if (org is null || !await access.IsMemberAsync(org.Id, ct))
            return Result<int>.Invalid("organisation", v.Message(string.IsNullOrWhiteSpace(input.Organisation) ? "Validation.Required" : "Validation.Invalid"));
        var hubId = await HubAsync(input.Hub, org.Id, ct);
        var profile = new PartneringProfile { OrganisationId = org.Id, AuthorId = me, Status = ProfileStatus.Draft };
        if (hubId is { } h) profile.HubId = h;
        await ApplyAsync(profile, input, ct);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        profile.CreatedAt = now;
        profile.UpdatedAt = now;
        return await db.InTransactionAsync(async token =>
        {
            db.PartneringProfiles.Add(profile);
            await db.SaveChangesAsync(token);
            audit.Add(AuditActions.PartneringProfileCreated, profile.HubId, Subject(profile));
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(profile.Id);
        }, ct);
    }

    /// <summary>The hub by slug among the hubs with a network profile; left out, the one proposed for the organisation's region.</summary>
    private async Task<Guid?> HubAsync(string? slug, Guid organisationId, CancellationToken ct)
    {
        var hubs = await HubProposal.CandidatesAsync(db, ct);
        if (!string.IsNullOrWhiteSpace(slug))
        {
            var chosen = hubs.FirstOrDefault(x => x.Slug == slug);
            if (chosen is null) v.Add("hub", "Validation.Invalid");
            return chosen?.Id;
        }
        var customer = await db.NetworkCustomers.AsNoTracking().Where(c => c.OrganisationId == organisationId)
            .Select(c => new { c.RegionCode, c.Country }).SingleOrDefaultAsync(ct);
        var proposed = customer is null ? null : HubProposal.Propose(hubs, customer.RegionCode, customer.Country);
        if (proposed is null) v.Add("hub", "Validation.Required");
        return proposed?.Id;
    }

    /// <summary>The hub a new profile of the organisation would go to when none is chosen (the form's default).</summary>
    public async Task<string?> ProposedHubAsync(Guid organisationId, CancellationToken ct)
    {
        var hubs = await HubProposal.CandidatesAsync(db, ct);
        var customer = await db.NetworkCustomers.AsNoTracking().Where(c => c.OrganisationId == organisationId)
            .Select(c => new { c.RegionCode, c.Country }).SingleOrDefaultAsync(ct);
        return customer is null ? null : HubProposal.Propose(hubs, customer.RegionCode, customer.Country)?.Slug;
    }

    /// <summary>Checks every field and copies it to the profile.</summary>
    private async Task ApplyAsync(PartneringProfile p, ProfileInput i, CancellationToken ct)
    {
        if (i.Kind is not { } kind || !Enum.IsDefined(kind)) v.Add("kind", i.Kind is null ? "Validation.Required" : "Validation.Invalid");
        else p.Kind = kind;
        var language = Validator.Clean(i.Language);
        if (language.Length == 0) language = "en";
        if (!Languages.Contains(language)) v.Add("language", "Validation.Invalid");
        p.Language = language;
        p.Title = v.Text("title", i.Title, TitleMax, min: 5);
        p.Summary = v.Text("summary", i.Summary, SummaryMax, min: 20, multiline: true);
        p.Description = v.Text("description", i.Description, DescriptionMax, required: false, multiline: true);
        p.PartnerSought = v.Text("partnerSought", i.PartnerSought, 2000, required: false, multiline: true);

        var keywords = (i.Keywords ?? []).Select(k => Validator.Clean(k).ToLowerInvariant()).Where(k => k.Length > 0).Distinct().ToList();
        if (keywords.Count > 15 || keywords.Any(k => k.Length > 40 || k.Contains(',') || Validator.HasControlCharacters(k, false))) v.Add("keywords", "Validation.Invalid");
        else p.Keywords = Tags.Join(keywords);
        p.Technologies = Keys("technologies", i.Technologies, NetworkTaxonomy.Technologies);
        p.Sectors = Keys("sectors", i.Sectors, NetworkTaxonomy.Sectors);
        p.CountriesSought = Keys("countriesSought", i.CountriesSought?.Select(c => Validator.Clean(c).ToUpperInvariant()).ToArray(), Countries);
        var regions = (i.RegionsSought ?? []).Select(r => Validator.Clean(r).ToUpperInvariant()).Where(r => r.Length > 0).Distinct().ToList();
        if (regions.Any(r => NutsRegions.Find(r) is null)) v.Add("regionsSought", "Validation.Invalid");
        else p.RegionsSought = Tags.Join(regions);

        if (i.Trl is { } trl && trl is < 1 or > 9) v.Add("trl", "Matchmaking.Profiles.TrlRange");
        p.Trl = i.Trl;
        if (i.TrlSoughtMin is { } min && min is < 1 or > 9) v.Add("trlSoughtMin", "Matchmaking.Profiles.TrlRange");
        if (i.TrlSoughtMax is { } max && max is < 1 or > 9) v.Add("trlSoughtMax", "Matchmaking.Profiles.TrlRange");
        if (i.TrlSoughtMin is { } a && i.TrlSoughtMax is { } b && a > b) v.Add("trlSoughtMax", "Matchmaking.Profiles.TrlOrder");
        p.TrlSoughtMin = i.TrlSoughtMin;
        p.TrlSoughtMax = i.TrlSoughtMax;
        p.Stage = Defined("stage", i.Stage);
        p.IntellectualProperty = Defined("intellectualProperty", i.IntellectualProperty);
        p.DeviceClass = Defined("deviceClass", i.DeviceClass) ?? DeviceClass.NotADevice;
        p.CeMarking = Defined("ceMarking", i.CeMarking) ?? CeMarking.NotApplicable;
        p.Partnerships = Flags<PartnershipTypes>("partnerships", i.Partnerships);
        p.Standards = Flags<HealthStandards>("standards", i.Standards);
        p.NeedsClinicalData = i.NeedsClinicalData ?? false;
        p.NeedsHealthDataPermit = i.NeedsHealthDataPermit ?? false;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (i.Deadline is { } deadline && (deadline <= today || deadline > today.AddYears(3))) v.Add("deadline", "Matchmaking.Profiles.DeadlineRange");
        p.Deadline = i.Deadline;

        if (i.DataApplicationId is { } application)
        {
            // The application must be a health-data access application the author (the person writing) may see.
            var seen = await requests.LoadAsync(application, ct);
            if (seen is null || seen.Type.Kind != RequestKind.HealthDataAccess) v.Add("dataApplicationId", "Matchmaking.Profiles.DataApplicationInvalid");
        }
        p.DataApplicationId = i.DataApplicationId;
    }

    private string Keys(string field, string[]? values, string[] allowed)
    {
        var keys = (values ?? []).Select(Validator.Clean).Where(k => k.Length > 0).Distinct().ToList();
        if (keys.Any(k => !allowed.Contains(k))) v.Add(field, "Validation.Invalid");
        return Tags.Join(keys);
    }

    private T? Defined<T>(string field, T? value) where T : struct, Enum
    {
        if (value is { } x && !Enum.IsDefined(x)) { v.Add(field, "Validation.Invalid"); return null; }
        return value;
    }

    private T Flags<T>(string field, string[]? names) where T : struct, Enum
    {
        var total = 0;
        foreach (var name in names ?? [])
        {
            if (Enum.TryParse<T>(Validator.Clean(name), ignoreCase: true, out var x) && Enum.IsDefined(x) && Convert.ToInt32(x, CultureInfo.InvariantCulture) != 0)
                total |= Convert.ToInt32(x, CultureInfo.InvariantCulture);
            else if (!string.IsNullOrWhiteSpace(name)) { v.Add(field, "Validation.Invalid"); break; }
        }
        return (T)Enum.ToObject(typeof(T), total);
    }

    /// <summary>Names of the set flags, for views and forms.</summary>
    public static string[] Names<T>(T flags) where T : struct, Enum =>
        Enum.GetValues<T>().Where(x => Convert.ToInt32(x, CultureInfo.InvariantCulture) != 0 && flags.HasFlag(x)).Select(x => x.ToString()).ToArray();

    /// <summary>
    /// A guarded change: the profile loaded with the person's standing, the rule checked, the change made on the tracked
    /// profile with its version moved on (a concurrent change makes the update miss: 409), then audited and notified.
    /// </summary>
    private async Task<Result<int>> ChangeAsync(int id, int? version, Func<PartneringAccess.Standing, Result<int>?> check,
        Func<PartneringProfile, DateTimeOffset, CancellationToken, Task> change, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<int>.NotFound();
        if (check(s) is { } refused) return refused;
        var expected = version ?? s.Profile.Version;
        if (expected != s.Profile.Version) return Result<int>.Conflict("version", v.Message("Matchmaking.Profiles.Stale"));
        var now = clock.GetUtcNow();
        try
        {
            return await db.InTransactionAsync(async token =>
            {
                db.ChangeTracker.Clear();
                var p = await db.PartneringProfiles.SingleAsync(x => x.Id == id, token);
                if (p.Version != expected || p.Status != s.Profile.Status) return Result<int>.Conflict("version", v.Message("Matchmaking.Profiles.Stale"));
                var wasLive = p.Status == ProfileStatus.Published;
                await change(p, now, token);
                p.UpdatedAt = now;
                p.Version = expected + 1;
                // What others are suggested changes when a profile comes, goes or changes while published.
                if (wasLive || p.Status == ProfileStatus.Published) Suggestions.SuggestionRefresh.Queue(jobs, p.Id);
                await db.SaveChangesAsync(token);
                return Result<int>.Ok(p.Version);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<int>.Conflict("version", v.Message("Matchmaking.Profiles.Stale"));
        }
    }

    /// <summary>Editing: any member of the organisation, in any state but withdrawn; a published profile goes back to review.</summary>
    public async Task<Result<int>> UpdateAsync(int id, ProfileInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<int>.NotFound();
        if (!s.CanEdit) return s.Refuse<int>();
        var draft = new PartneringProfile { HubId = s.Profile.HubId };
        if (!string.IsNullOrWhiteSpace(input.Hub) && await HubAsync(input.Hub, s.Profile.OrganisationId, ct) is { } hub) draft.HubId = hub;
        await ApplyAsync(draft, input, ct);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        return await ChangeAsync(id, input.Version, x => x.CanEdit ? null : x.Refuse<int>(), async (p, now, token) =>
        {
            var republish = p.Status is ProfileStatus.Published;
            Copy(draft, p);
            if (republish)
            {
                // A published profile changed: the hub checks it again before it is shown again.
                p.Status = ProfileStatus.InReview;
                p.SubmittedAt = now;
                await NotifyDeskAsync(p, "Submitted", token);
            }
            audit.Add(AuditActions.PartneringProfileUpdated, p.HubId, Subject(p), republish ? "back to review" : null);
        }, ct);
    }

    private static void Copy(PartneringProfile from, PartneringProfile to)
    {
        to.HubId = from.HubId; to.Kind = from.Kind; to.Language = from.Language; to.Title = from.Title; to.Summary = from.Summary;
        to.Description = from.Description; to.Keywords = from.Keywords; to.Technologies = from.Technologies; to.Sectors = from.Sectors;
        to.Trl = from.Trl; to.TrlSoughtMin = from.TrlSoughtMin; to.TrlSoughtMax = from.TrlSoughtMax; to.Stage = from.Stage;
        to.IntellectualProperty = from.IntellectualProperty; to.PartnerSought = from.PartnerSought; to.Partnerships = from.Partnerships;
        to.CountriesSought = from.CountriesSought; to.RegionsSought = from.RegionsSought; to.Deadline = from.Deadline;
        to.DeviceClass = from.DeviceClass; to.CeMarking = from.CeMarking; to.NeedsClinicalData = from.NeedsClinicalData;
        to.NeedsHealthDataPermit = from.NeedsHealthDataPermit; to.DataApplicationId = from.DataApplicationId; to.Standards = from.Standards;
    }

    /// <summary>Submitting a draft or a profile sent back, with an optional reply to the reviewer: its author and organisation admins.</summary>
    public async Task<Result<int>> SubmitAsync(int id, SubmitProfileInput input, CancellationToken ct)
    {
        var reply = v.Text("reply", input.Reply, 4000, required: false, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        return await ChangeAsync(id, input.Version, s =>
            !s.CanManage ? s.Refuse<int>()
            : s.Profile.Status is not (ProfileStatus.Draft or ProfileStatus.ChangesRequested) ? Result<int>.Conflict("", v.Message("Matchmaking.Profiles.WrongState"))
            : null, async (p, now, token) =>
        {
            p.Status = ProfileStatus.InReview;
            p.SubmittedAt = now;
            if (reply.Length > 0)
                db.ProfileReviewNotes.Add(new ProfileReviewNote { ProfileId = p.Id, Kind = ReviewNoteKind.AuthorReply, AuthorId = access.Me, Text = reply, At = now });
            audit.Add(AuditActions.PartneringProfileSubmitted, p.HubId, Subject(p));
            await NotifyDeskAsync(p, "Submitted", token);
        }, ct);
    }

    private async Task NotifyDeskAsync(PartneringProfile p, string detail, CancellationToken ct)
    {
        var desk = await NetworkAccess.FrontDeskOf(db, p.HubId).ToListAsync(ct);
        // Never to someone of the profile's own organisation: they do not review it.
        var members = await db.OrganisationMembers.Where(m => m.OrganisationId == p.OrganisationId).Select(m => m.UserId).ToListAsync(ct);
        await notifier.AddAsync(new NotificationEvent(NotificationKind.Partnering, p.HubId, ActorId: access.Me, Detail: detail, Title: p.Title,
            Path: PathOf(p.Id)), desk.Except(members), ct);
    }

    /// <summary>A review by the hub's desk, never of their own organisation's profile: approve (published) or request changes (with a comment).</summary>
    public async Task<Result<int>> ReviewAsync(int id, ReviewInput input, CancellationToken ct)
    {
        var comment = v.Text("comment", input.Comment, 4000, required: input.Decision == ReviewDecision.RequestChanges, multiline: true);
        if (input.Decision is not { } decision || !Enum.IsDefined(decision)) v.Add("decision", input.Decision is null ? "Validation.Required" : "Validation.Invalid");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        return await ChangeAsync(id, input.Version, s =>
            !s.IsReviewer ? (s.IsDesk && s.Knows ? Result<int>.Forbidden() : s.Refuse<int>())
            : !s.CanReview ? Result<int>.Conflict("", v.Message("Matchmaking.Profiles.WrongState"))
            : null, async (p, now, token) =>
        {
            if (input.Decision == ReviewDecision.Approve)
            {
                p.Status = ProfileStatus.Published;
                p.PublishedAt = now;
                p.ExpiresAt = ExpiryFrom(now, p.Deadline);
                p.ExpiryNoticeAt = null;
                p.ReviewedById = access.Me;
                audit.Add(AuditActions.PartneringProfileApproved, p.HubId, Subject(p));
            }
            else
            {
                p.Status = ProfileStatus.ChangesRequested;
                audit.Add(AuditActions.PartneringProfileChangesRequested, p.HubId, Subject(p));
            }
            if (comment.Length > 0 || input.Decision == ReviewDecision.RequestChanges)
                db.ProfileReviewNotes.Add(new ProfileReviewNote
                {
                    ProfileId = p.Id, Kind = input.Decision == ReviewDecision.Approve ? ReviewNoteKind.Approved : ReviewNoteKind.ChangesRequested,
                    AuthorId = access.Me, Text = comment.Length > 0 ? comment : "", At = now,
                });
            if (p.AuthorId is { } author)
                await notifier.AddAsync(new NotificationEvent(NotificationKind.Partnering, p.HubId, ActorId: access.Me, Detail: input.Decision.ToString(),
                    Title: p.Title, Path: PathOf(p.Id)), [author], token);
        }, ct);
    }

    /// <summary>12 months from now, or the end of the deadline's day when that comes first.</summary>
    public static DateTimeOffset ExpiryFrom(DateTimeOffset now, DateOnly? deadline)
    {
        var year = now + Lifetime;
        if (deadline is not { } d) return year;
        var end = new DateTimeOffset(d.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc));
        return end < year ? end : year;
    }

    /// <summary>
    /// Renewing a published or expired profile: its organisation (author, admins). Another 12 months (or until its
    /// deadline); an expired one is published again without a new review, unless its deadline has passed.
    /// </summary>
    public async Task<Result<int>> RenewAsync(int id, VersionInput input, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await ChangeAsync(id, input.Version, s =>
            !s.CanManage ? s.Refuse<int>()
            : s.Profile.Status is not (ProfileStatus.Published or ProfileStatus.Expired) ? Result<int>.Conflict("", v.Message("Matchmaking.Profiles.WrongState"))
            : s.Profile.Deadline is { } d && d < today ? Result<int>.Invalid("deadline", v.Message("Matchmaking.Profiles.DeadlinePassed"))
            : null, (p, now, _) =>
        {
            p.Status = ProfileStatus.Published;
            p.ExpiresAt = ExpiryFrom(now, p.Deadline);
            p.ExpiryNoticeAt = null;
            audit.Add(AuditActions.PartneringProfileRenewed, p.HubId, Subject(p), p.ExpiresAt.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Withdrawing: its author and organisation admins, in any state; pending interests are closed with it.</summary>
    public async Task<Result<int>> WithdrawAsync(int id, VersionInput input, CancellationToken ct) =>
        await ChangeAsync(id, input.Version, s =>
            !s.CanManage ? s.Refuse<int>()
            : s.Profile.Status == ProfileStatus.Withdrawn ? Result<int>.Conflict("", v.Message("Matchmaking.Profiles.WrongState"))
            : null, async (p, now, token) =>
        {
            p.Status = ProfileStatus.Withdrawn;
            await db.ExpressionsOfInterest.Where(e => e.ProfileId == p.Id && e.State == InterestState.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.State, InterestState.Declined).SetProperty(e => e.AnsweredAt, (DateTimeOffset?)now), token);
            audit.Add(AuditActions.PartneringProfileWithdrawn, p.HubId, Subject(p));
        }, ct);
}
