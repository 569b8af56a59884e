using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Transfer;

/// <summary>The campaign an import writes into, read once per file (and again by the background job).</summary>
public sealed record ImportTarget(
    Guid CampaignId, Guid HubId, string HubSlug, string Slug, string Title, string Language, CampaignPolicy Policy,
    IReadOnlyList<CampaignQuestion> Questions, IReadOnlyList<(int Id, string Key)> FocusAreas, Guid ImporterId, string ImporterName)
{
    /// <summary>What <see cref="IdeaContent"/> reads: the questions (the viewer does not matter to validation).</summary>
    public CampaignContext Context { get; } =
        new(CampaignId, HubId, HubSlug, "", Slug, Title, Language, Policy, Questions, Viewer.Anonymous);
}

/// <summary>
/// One record checked: the idea as it will be stored (not saved, no ids), or the reasons it will not be, each naming
/// its column.
/// </summary>
public sealed record CheckedRow(int Line, Idea? Idea, string? AuthorName, IReadOnlyList<string> Errors)
{
    public bool IsValid => Idea is not null;
}

/// <summary>
/// Turns CSV records into ideas with the rules of submitting one (<see cref="IdeaContent"/>, complete as for
/// publication), plus what only an import has: the author by email and the focus area by key.
/// </summary>
public sealed class ImportRows(AgoraDbContext db, IStringLocalizer<SharedResource> t)
{
    /// <summary>The campaign with its questions and allowed focus areas, and the importer's name; null when gone.</summary>
    public async Task<ImportTarget?> TargetAsync(Guid campaignId, Guid importerId, CancellationToken ct)
    {
        var c = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new
            {
                c.Id, c.HubId, HubSlug = db.Hubs.Where(h => h.Id == c.HubId).Select(h => h.Slug).First(), c.Slug, c.Title, c.Language,
                c.State, c.Audience, c.IdeasPerPerson, c.VotesPerPerson,
            })
            .SingleOrDefaultAsync(ct);
        if (c is null) return null;
        var questions = await db.CampaignQuestions.AsNoTracking().Where(q => q.CampaignId == campaignId).OrderBy(q => q.Position).ToListAsync(ct);
        var focusAreas = await new IdeaContent(db, new Validator(t)).FocusAreasAsync(campaignId, ct);
        var importer = await db.Users.Where(u => u.Id == importerId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";
        return new ImportTarget(c.Id, c.HubId, c.HubSlug, c.Slug, c.Title, c.Language,
            new CampaignPolicy(c.State, c.Audience, [], c.IdeasPerPerson, c.VotesPerPerson), questions, focusAreas, importerId, importer);
    }

    /// <summary>Checks records; authors named by email are looked up for all of them in a few queries.</summary>
    public async Task<IReadOnlyList<CheckedRow>> CheckAsync(ImportTarget target, ImportSheet sheet, IReadOnlyList<CsvRecord> records, CancellationToken ct)
    {
        var emails = records.Select(r => Validator.Clean(sheet.Value(r, ImportColumn.AuthorEmail)))
            .Where(Validator.IsEmail).Select(e => e.ToUpperInvariant()).Distinct().ToList();
        var authors = new Dictionary<string, (Guid Id, string Name)>(StringComparer.Ordinal);
        foreach (var chunk in emails.Chunk(500))
        {
            var found = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && chunk.Contains(u.NormalizedEmail))
                .Select(u => new { u.NormalizedEmail, u.Id, u.DisplayName }).ToListAsync(ct);
            foreach (var u in found) authors[u.NormalizedEmail!] = (u.Id, u.DisplayName);
        }
        var rows = new List<CheckedRow>(records.Count);
        foreach (var record in records) rows.Add(await CheckAsync(target, sheet, record, authors, ct));
        return rows;
    }

    private async Task<CheckedRow> CheckAsync(ImportTarget target, ImportSheet sheet, CsvRecord record,
        IReadOnlyDictionary<string, (Guid Id, string Name)> authors, CancellationToken ct)
    {
        var v = new Validator(t);
        var content = new IdeaContent(db, v);
        // Messages in the order of the file's columns (those it lacks last), so people read them as they read the row.
        var errors = new List<(int Order, string Message)>();
        void Error(ImportColumn column, string key, params object[] args) =>
            errors.Add((sheet.Standard.GetValueOrDefault(column, int.MaxValue), $"{sheet.NameOf(column)}: {v.Message(key, args)}"));

        if (record.Fields.Skip(sheet.Headers.Count).Any(f => f.Trim().Length > 0))
            errors.Add((int.MaxValue, v.Message("Transfer.TooManyValues", sheet.Headers.Count)));

        var idea = new Idea { Language = target.Language, AuthorId = target.ImporterId };
        var authorName = target.ImporterName;
        var email = Validator.Clean(sheet.Value(record, ImportColumn.AuthorEmail));
        if (email.Length > 0)
        {
            if (!Validator.IsEmail(email)) Error(ImportColumn.AuthorEmail, "Validation.Email");
            else if (authors.TryGetValue(email.ToUpperInvariant(), out var author)) (idea.AuthorId, authorName) = author;
            else Error(ImportColumn.AuthorEmail, "Transfer.UnknownAuthor");
        }

        var anonymous = Validator.Clean(sheet.Value(record, ImportColumn.Anonymous)).ToLowerInvariant();
        bool? isAnonymous = anonymous switch
        {
            "" or "false" or "no" or "0" or "não" or "nao" or "nei" => false,
            "true" or "yes" or "1" or "sim" or "ja" => true,
            _ => null,
        };
        if (isAnonymous is null) Error(ImportColumn.Anonymous, "Validation.Invalid");

        var language = Validator.Clean(sheet.Value(record, ImportColumn.Language));
        var input = new IdeaInput
        {
            Title = sheet.Value(record, ImportColumn.Title),
            Language = language.Length == 0 ? null : language,
            Problem = sheet.Value(record, ImportColumn.Problem),
            Solution = sheet.Value(record, ImportColumn.Solution),
            Benefits = sheet.Value(record, ImportColumn.Benefits),
            Beneficiaries = List(sheet.Value(record, ImportColumn.WhoBenefits), [';', ',']),
            Origin = Validator.Clean(sheet.Value(record, ImportColumn.Origin)),
            CareLevel = Validator.Clean(sheet.Value(record, ImportColumn.CareLevel)),
            Setting = Validator.Clean(sheet.Value(record, ImportColumn.Setting)),
            Tags = List(sheet.Value(record, ImportColumn.Tags), [';', ',']),
            Anonymous = isAnonymous ?? false,
            Answers = Answers(target, sheet, record),
        };
        await content.ApplyAsync(idea, input, target.Context, complete: true, ct);

        // The focus area by key among the campaign's (IdeaContent's own check asks the database once per row).
        var focus = Validator.Clean(sheet.Value(record, ImportColumn.FocusArea));
        if (focus.Length > 0)
        {
            var match = target.FocusAreas.Where(f => string.Equals(f.Key, focus, StringComparison.OrdinalIgnoreCase)).Select(f => (int?)f.Id).FirstOrDefault();
            if (match is null) Error(ImportColumn.FocusArea, "Validation.Invalid");
            else idea.FocusAreaId = match;
        }

        foreach (var (field, messages) in v.Errors)
        {
            var (order, column) = ColumnOf(field, target, sheet);
            errors.AddRange(messages.Select(m => (order, $"{column}: {m}")));
        }
        return errors.Count == 0
            ? new CheckedRow(record.Line, idea, authorName, [])
            : new CheckedRow(record.Line, null, null, errors.OrderBy(e => e.Order).Select(e => e.Message).ToList());
    }

    /// <summary>The answers of the questions the file has columns for; choices matched to the options ignoring case.</summary>
    private static List<IdeaAnswerInput> Answers(ImportTarget target, ImportSheet sheet, CsvRecord record)
    {
        var answers = new List<IdeaAnswerInput>();
        foreach (var q in target.Questions)
        {
            if (sheet.Answer(record, q.Id) is not { } raw) continue;
            var id = q.Id.ToString();
            switch (q.Kind)
            {
                case QuestionKind.MultipleChoice:
                    answers.Add(new IdeaAnswerInput(id, null, (List(raw, [';', '\n']) ?? []).Select(c => Option(q, c)).ToList()));
                    break;
                case QuestionKind.SingleChoice:
                    answers.Add(new IdeaAnswerInput(id, Option(q, raw), null));
                    break;
                default:
                    answers.Add(new IdeaAnswerInput(id, raw, null));
                    break;
            }
        }
        return answers;
    }

    private static string Option(CampaignQuestion q, string value)
    {
        var clean = Validator.Clean(value);
        return q.OptionList.FirstOrDefault(o => string.Equals(o, clean, StringComparison.OrdinalIgnoreCase)) ?? clean;
    }

    private static List<string>? List(string? value, char[] separators) =>
        value is null ? null : value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>The column a validation field came from, as the file names it, and where it is in the file.</summary>
    private static (int Order, string Name) ColumnOf(string field, ImportTarget target, ImportSheet sheet)
    {
        ImportColumn? column = field switch
        {
            "title" => ImportColumn.Title,
            "language" => ImportColumn.Language,
            "problem" => ImportColumn.Problem,
            "solution" => ImportColumn.Solution,
            "benefits" => ImportColumn.Benefits,
            "beneficiaries" => ImportColumn.WhoBenefits,
            "origin" => ImportColumn.Origin,
            "careLevel" => ImportColumn.CareLevel,
            "setting" => ImportColumn.Setting,
            "focusArea" => ImportColumn.FocusArea,
            "tags" => ImportColumn.Tags,
            "anonymous" => ImportColumn.Anonymous,
            _ => null,
        };
        if (column is { } c) return (sheet.Standard.GetValueOrDefault(c, int.MaxValue), sheet.NameOf(c));
        var question = target.Questions.FirstOrDefault(q => IdeaContent.AnswerField(q.Id) == field);
        if (question is null) return (int.MaxValue, field);
        return sheet.Questions.TryGetValue(question.Id, out var i) ? (i, sheet.Headers[i].Trim()) : (int.MaxValue, question.Label);
    }
}
