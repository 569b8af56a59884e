using System.Globalization;
using System.Text.Json;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Transfer;

public enum ExportFormat
{
    Csv,
    Xlsx,
    Json,
}

/// <summary>A download: its safe file name, its type, and what writes it (page by page, straight to the response).</summary>
public sealed record IdeaExport(string FileName, string ContentType, Func<Stream, CancellationToken, Task> WriteAsync);

/// <summary>One idea as exported. Authors are named even when the idea is anonymous to the public: only moderators export.</summary>
public sealed record IdeaExportRow(
    int Id, string Title, IdeaState State, bool Hidden, string Author, bool AnonymousToThePublic, IReadOnlyList<string> CoAuthors,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, string Campaign, string Language, string Problem, string Solution,
    string Benefits, IReadOnlyList<string> WhoBenefits, IdeaOrigin Origin, CareLevel CareLevel, CareSetting Setting, string? FocusArea,
    IReadOnlyList<string> Tags, int? VoteCount, int CommentCount, int FollowerCount, string? PublicAnswer, string Url,
    IReadOnlyList<string?> Answers);

/// <summary>
/// Exports a campaign's ideas (not drafts; hidden ones marked) for hub managers, facilitators and platform admins,
/// as CSV, XLSX or JSON. Ideas are read 500 at a time as projections (three more queries per page for co-authors,
/// tags and answers) and written as they come, so memory stays flat however large the campaign. Each export is audited:
/// it is personal data leaving Agora.
/// </summary>
public sealed class ExportIdeas(AgoraDbContext db, CampaignQueries campaigns, AuditLog audit, AccountLinks links, Validator v, TimeProvider clock)
{
    public const int PageSize = 500;

    /// <summary>Column headers of CSV and XLSX, in order; the import reads the same names.</summary>
    public static readonly string[] Headers =
    [
        "id", "title", "state", "hidden", "author", "anonymous to the public", "co-authors", "created", "published", "campaign", "language",
        "problem", "solution", "benefits", "who benefits", "origin", "care level", "setting", "focus area", "tags", "votes", "comments",
        "followers", "public answer", "url",
    ];

    /// <summary>"csv", "xlsx" or "json" (any case); csv when empty.</summary>
    public static ExportFormat? ParseFormat(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        "json" => ExportFormat.Json,
        _ => null,
    };

    /// <summary>The export in <paramref name="format"/> ("csv", "xlsx", "json"; csv when empty), recorded in the audit trail.</summary>
    public async Task<Result<IdeaExport>> ExportAsync(string hubSlug, string campaignSlug, string? format, CancellationToken ct)
    {
        var campaign = await campaigns.GetContextAsync(hubSlug, campaignSlug, ct);
        // Only moderators learn that the export exists; for everyone else the address is not there.
        if (campaign is null || !campaign.CanRead || !campaign.Viewer.CanModerate) return Result<IdeaExport>.NotFound();
        if (ParseFormat(format) is not { } chosen) return Result<IdeaExport>.Invalid("format", v.Message("Transfer.UnknownFormat"));
        return await ExportAsync(campaign, chosen, ct);
    }

    private async Task<Result<IdeaExport>> ExportAsync(CampaignContext campaign, ExportFormat format, CancellationToken ct)
    {
        var count = await db.Ideas.CountAsync(i => i.CampaignId == campaign.Id && i.State != IdeaState.Draft, ct);
        var extension = format.ToString().ToLowerInvariant();
        await audit.RecordAsync(AuditActions.IdeasExported, campaign.HubId, campaign.Title,
            $"format={extension}; ideas={count.ToString(CultureInfo.InvariantCulture)}");
        var fileName = $"{SafeName(campaign.HubSlug)}-{SafeName(campaign.Slug)}-ideas-{CampaignRules.Today(clock):yyyyMMdd}.{extension}";
        var questions = UniqueLabels(campaign.Questions.OrderBy(q => q.Position).ToList());
        return format switch
        {
            ExportFormat.Xlsx => Result<IdeaExport>.Ok(new IdeaExport(fileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                (s, token) => WriteXlsxAsync(s, campaign, questions, token))),
            ExportFormat.Json => Result<IdeaExport>.Ok(new IdeaExport(fileName, "application/json; charset=utf-8",
                (s, token) => WriteJsonAsync(s, campaign, questions, token))),
            _ => Result<IdeaExport>.Ok(new IdeaExport(fileName, "text/csv; charset=utf-8",
                (s, token) => WriteCsvAsync(s, campaign, questions, token))),
        };
    }

    private async Task WriteCsvAsync(Stream output, CampaignContext campaign, IReadOnlyList<(CampaignQuestion Question, string Label)> questions, CancellationToken ct)
    {
        var csv = new CsvSheetWriter(output);
        csv.AddRow(Headers.Concat(questions.Select(q => q.Label)));
        await csv.FlushAsync(ct);
        await foreach (var page in PagesAsync(campaign, questions, ct))
        {
            foreach (var row in page) csv.AddRow(Cells(row, questions));
            await csv.FlushAsync(ct);
        }
    }

    private async Task WriteXlsxAsync(Stream output, CampaignContext campaign, IReadOnlyList<(CampaignQuestion Question, string Label)> questions, CancellationToken ct)
    {
        await using var xlsx = XlsxSheetWriter.Create(output, "Ideas");
        xlsx.AddRow(Headers.Concat(questions.Select(q => q.Label)));
        await foreach (var page in PagesAsync(campaign, questions, ct))
        {
            foreach (var row in page) xlsx.AddRow(Cells(row, questions));
            await xlsx.FlushAsync(ct);
        }
    }

    private async Task WriteJsonAsync(Stream output, CampaignContext campaign, IReadOnlyList<(CampaignQuestion Question, string Label)> questions, CancellationToken ct)
    {
        await using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        w.WriteStartArray();
        await foreach (var page in PagesAsync(campaign, questions, ct))
        {
            foreach (var r in page)
            {
                w.WriteStartObject();
                w.WriteNumber("id", r.Id);
                w.WriteString("title", r.Title);
                w.WriteString("state", r.State.ToString());
                w.WriteBoolean("hidden", r.Hidden);
                w.WriteString("author", r.Author);
                w.WriteBoolean("anonymousToThePublic", r.AnonymousToThePublic);
                Strings(w, "coAuthors", r.CoAuthors);
                w.WriteString("createdAt", r.CreatedAt);
                if (r.PublishedAt is { } published) w.WriteString("publishedAt", published);
                else w.WriteNull("publishedAt");
                w.WriteString("campaign", r.Campaign);
                w.WriteString("language", r.Language);
                w.WriteString("problem", r.Problem);
                w.WriteString("solution", r.Solution);
                w.WriteString("benefits", r.Benefits);
                Strings(w, "whoBenefits", r.WhoBenefits);
                w.WriteString("origin", r.Origin.ToString());
                w.WriteString("careLevel", r.CareLevel.ToString());
                w.WriteString("setting", r.Setting.ToString());
                w.WriteString("focusArea", r.FocusArea);
                Strings(w, "tags", r.Tags);
                if (r.VoteCount is { } votes) w.WriteNumber("voteCount", votes);
                else w.WriteNull("voteCount");
                w.WriteNumber("commentCount", r.CommentCount);
                w.WriteNumber("followerCount", r.FollowerCount);
                w.WriteString("publicAnswer", r.PublicAnswer);
                w.WriteString("url", r.Url);
                w.WriteStartObject("answers");
                for (var q = 0; q < questions.Count; q++)
                {
                    var (question, label) = questions[q];
                    var value = r.Answers[q];
                    if (value is null) w.WriteNull(label);
                    else if (question.Kind == QuestionKind.MultipleChoice) Strings(w, label, Choices(value));
                    else if (question.Kind == QuestionKind.Number && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
                        w.WriteNumber(label, n);
                    else w.WriteString(label, value);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            await w.FlushAsync(ct);
        }
        w.WriteEndArray();
        await w.FlushAsync(ct);
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static IReadOnlyList<string> Choices(string stored) => stored.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The cells of a CSV or XLSX row, in the order of <see cref="Headers"/> and then the questions.</summary>
    public static IEnumerable<object?> Cells(IdeaExportRow r, IReadOnlyList<(CampaignQuestion Question, string Label)> questions)
    {
        object?[] fixedCells =
        [
            r.Id, r.Title, r.State, r.Hidden, r.Author, r.AnonymousToThePublic, r.CoAuthors, r.CreatedAt, r.PublishedAt, r.Campaign,
            r.Language, r.Problem, r.Solution, r.Benefits, r.WhoBenefits, r.Origin, r.CareLevel, r.Setting, r.FocusArea, r.Tags,
            r.VoteCount, r.CommentCount, r.FollowerCount, r.PublicAnswer, r.Url,
        ];
        return fixedCells.Concat(r.Answers.Select((a, i) => questions[i].Question.Kind switch
        {
            _ when a is null => null,
            QuestionKind.MultipleChoice => Choices(a),
            // A number stays a number (and "-3" is not mistaken for a formula and quoted).
            QuestionKind.Number when decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => n,
            _ => (object)a,
        }));
    }

    /// <summary>The campaign's ideas in pages of <see cref="PageSize"/>, by id (keyset paging: no OFFSET over large campaigns).</summary>
    private async IAsyncEnumerable<IReadOnlyList<IdeaExportRow>> PagesAsync(CampaignContext campaign,
        IReadOnlyList<(CampaignQuestion Question, string Label)> questions, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var focusAreas = await db.FocusAreas.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Key, ct);
        var showVotes = CampaignRules.ShowVoteCounts(campaign.Policy, campaign.Viewer);
        var last = 0;
        while (true)
        {
            var after = last;
            var ideas = await (from i in db.Ideas.AsNoTracking()
                               join u in db.Users on i.AuthorId equals u.Id
                               where i.CampaignId == campaign.Id && i.State != IdeaState.Draft && i.Id > after
                               orderby i.Id
                               select new
                               {
                                   i.Id, i.Title, i.State, Hidden = i.HiddenAt != null, Author = u.DisplayName, i.Anonymous, i.CreatedAt, i.PublishedAt,
                                   i.Language, i.Problem, i.Solution, i.Benefits, i.Beneficiaries, i.Origin, i.CareLevel, i.Setting, i.FocusAreaId,
                                   i.VoteCount, i.CommentCount, i.FollowerCount, i.Answer,
                               }).Take(PageSize).ToListAsync(ct);
            if (ideas.Count == 0) yield break;
            last = ideas[^1].Id;
            var ids = ideas.Select(i => i.Id).ToList();
            var coAuthors = (await (from c in db.IdeaCoAuthors.AsNoTracking()
                                    join u in db.Users on c.UserId equals u.Id
                                    where ids.Contains(c.IdeaId) && c.Status == CoAuthorStatus.Accepted
                                    orderby c.InvitedAt
                                    select new { c.IdeaId, u.DisplayName }).ToListAsync(ct))
                .ToLookup(c => c.IdeaId, c => c.DisplayName);
            var tags = (await db.IdeaTags.AsNoTracking().Where(t => ids.Contains(t.IdeaId)).Select(t => new { t.IdeaId, t.Tag }).ToListAsync(ct))
                .ToLookup(t => t.IdeaId, t => t.Tag);
            var answers = (await db.IdeaAnswers.AsNoTracking().Where(a => ids.Contains(a.IdeaId)).Select(a => new { a.IdeaId, a.QuestionId, a.Value }).ToListAsync(ct))
                .ToDictionary(a => (a.IdeaId, a.QuestionId), a => a.Value);
            yield return ideas.Select(i => new IdeaExportRow(
                i.Id, i.Title, i.State, i.Hidden, i.Author, i.Anonymous, coAuthors[i.Id].ToList(), i.CreatedAt, i.PublishedAt, campaign.Title,
                i.Language, i.Problem, i.Solution, i.Benefits, IdeaQueries.BeneficiaryNames(i.Beneficiaries), i.Origin, i.CareLevel, i.Setting,
                i.FocusAreaId is { } f ? focusAreas.GetValueOrDefault(f) : null, tags[i.Id].Order(StringComparer.Ordinal).ToList(),
                showVotes ? i.VoteCount : null, i.CommentCount, i.FollowerCount, i.Answer,
                links.Absolute($"/hubs/{campaign.HubSlug}/ideas/{i.Id.ToString(CultureInfo.InvariantCulture)}"),
                questions.Select(q => answers.GetValueOrDefault((i.Id, q.Question.Id))).ToList())).ToList();
        }
    }

    /// <summary>Question labels as column names and JSON keys: a label used twice (or taken by a fixed column) gets " (2)".</summary>
    private static IReadOnlyList<(CampaignQuestion Question, string Label)> UniqueLabels(IReadOnlyList<CampaignQuestion> questions)
    {
        var taken = new HashSet<string>(Headers, StringComparer.OrdinalIgnoreCase);
        var result = new List<(CampaignQuestion, string)>();
        foreach (var q in questions)
        {
            var label = q.Label;
            for (var n = 2; !taken.Add(label); n++) label = $"{q.Label} ({n.ToString(CultureInfo.InvariantCulture)})";
            result.Add((q, label));
        }
        return result;
    }

    /// <summary>Slugs are already [a-z0-9-]; anything else is dropped so the header can never carry more than a name.</summary>
    private static string SafeName(string slug) => new(slug.Where(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-').ToArray());
}

/// <summary>Sends an <see cref="IdeaExport"/> as an attachment, from a page handler (IActionResult) or an endpoint (IResult).</summary>
public sealed class ExportFileResult(IdeaExport export) : Microsoft.AspNetCore.Mvc.IActionResult, IResult
{
    public Task ExecuteResultAsync(Microsoft.AspNetCore.Mvc.ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext http)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = export.ContentType;
        response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileName = export.FileName }.ToString();
        // Personal data: never kept by a browser or proxy cache.
        response.Headers.CacheControl = "private, no-store";
        await export.WriteAsync(response.Body, http.RequestAborted);
    }
}
