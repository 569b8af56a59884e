using System.Globalization;
using System.Text.RegularExpressions;
using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>What an idea is made of, as sent by the pages or the API. Enumerations travel as their names.</summary>
public record IdeaInput
{
    public string? Title { get; init; }
    /// <summary>en, pt-PT or nb-NO; the person's language when missing.</summary>
    public string? Language { get; init; }
    public string? Problem { get; init; }
    public string? Solution { get; init; }
    public string? Benefits { get; init; }
    /// <summary>Names of <see cref="Ideas.Beneficiaries"/> flags, e.g. ["Patients", "Staff"].</summary>
    public List<string>? Beneficiaries { get; init; }
    public string? Origin { get; init; }
    public string? CareLevel { get; init; }
    public string? Setting { get; init; }
    /// <summary>Focus area key (e.g. "ehealth").</summary>
    public string? FocusArea { get; init; }
    public List<string>? Tags { get; init; }
    /// <summary>Hide the authors' names from the public.</summary>
    public bool? Anonymous { get; init; }
    public List<IdeaAnswerInput>? Answers { get; init; }
    /// <summary>The version the person edited; an edit of an older version is refused (optimistic concurrency).</summary>
    public int? Version { get; init; }
}

/// <summary>A new idea through the API: a draft, or published at once with <c>publish: true</c>.</summary>
public sealed record NewIdeaInput : IdeaInput
{
    public bool? Publish { get; init; }
}

/// <summary>An answer to a campaign question: <c>value</c>, or <c>values</c> for multiple choice.</summary>
public sealed record IdeaAnswerInput(string? QuestionId, string? Value, List<string>? Values);

/// <summary>Validates idea input and copies it onto an idea: one set of rules for drafts, edits and publication.</summary>
public sealed partial class IdeaContent(AgoraDbContext db, Validator v)
{
    public const int MaxTags = 10;
    public const int TitleMin = 5;
    public const int TitleMax = 200;
    public const int TextMax = 8000;
    public const int BenefitsMax = 4000;
    public const int ShortAnswerMax = 200;
    public const int LongAnswerMax = 4000;

    public Validator Validator => v;

    /// <summary>
    /// Checks <paramref name="input"/> and applies it to <paramref name="idea"/>. Fields left out keep their value.
    /// When <paramref name="complete"/>, what publication needs (problem, solution, required answers) must be there.
    /// </summary>
    public async Task ApplyAsync(Idea idea, IdeaInput input, CampaignContext campaign, bool complete, CancellationToken ct)
    {
        idea.Title = v.Text("title", input.Title, TitleMax, min: TitleMin);
        if (input.Language is not null)
        {
            if (LocalizationSetup.IsSupported(input.Language)) idea.Language = LocalizationSetup.Normalize(input.Language);
            else v.Add("language", "Validation.Invalid");
        }
        if (input.Problem is not null) idea.Problem = v.Text("problem", input.Problem, TextMax, required: false, multiline: true);
        if (input.Solution is not null) idea.Solution = v.Text("solution", input.Solution, TextMax, required: false, multiline: true);
        if (input.Benefits is not null) idea.Benefits = v.Text("benefits", input.Benefits, BenefitsMax, required: false, multiline: true);
        if (input.Beneficiaries is not null)
        {
            var flags = Ideas.Beneficiaries.None;
            foreach (var name in input.Beneficiaries)
            {
                if (ParseName<Beneficiaries>(name) is { } b && b != Ideas.Beneficiaries.None) flags |= b;
                else v.Add("beneficiaries", "Validation.Invalid");
            }
            idea.Beneficiaries = flags;
        }
        if (input.Origin is { Length: > 0 })
        {
            if (ParseName<IdeaOrigin>(input.Origin) is { } o) idea.Origin = o;
            else v.Add("origin", "Validation.Invalid");
        }
        if (input.CareLevel is { Length: > 0 })
        {
            if (ParseName<CareLevel>(input.CareLevel) is { } c) idea.CareLevel = c;
            else v.Add("careLevel", "Validation.Invalid");
        }
        if (input.Setting is { Length: > 0 })
        {
            if (ParseName<CareSetting>(input.Setting) is { } s) idea.Setting = s;
            else v.Add("setting", "Validation.Invalid");
        }
        if (input.FocusArea is not null)
        {
            if (input.FocusArea.Length == 0) idea.FocusAreaId = null;
            else
            {
                var allowed = await FocusAreasAsync(campaign, ct);
                var match = allowed.Where(f => f.Key == input.FocusArea).Select(f => (int?)f.Id).FirstOrDefault();
                if (match is null) v.Add("focusArea", "Validation.Invalid");
                else idea.FocusAreaId = match;
            }
        }
        if (input.Anonymous is { } anonymous) idea.Anonymous = anonymous;
        if (input.Tags is not null)
        {
            var tags = NormaliseTags(input.Tags);
            if (tags is null) v.Add("tags", "Ideas.TagsInvalid");
            else if (tags.Count > MaxTags) v.Add("tags", "Ideas.TooManyTags", MaxTags);
            else
            {
                idea.Tags.RemoveAll(t => !tags.Contains(t.Tag));
                foreach (var tag in tags.Where(t => idea.Tags.All(x => x.Tag != t)))
                    idea.Tags.Add(new IdeaTag { IdeaId = idea.Id, Tag = tag });
            }
        }
        if (input.Answers is not null) ApplyAnswers(idea, input.Answers, campaign.Questions);
        if (complete) CheckComplete(idea, campaign.Questions);
    }

    /// <summary>What publication needs beyond a draft: a problem, a solution and the required answers.</summary>
    public void CheckComplete(Idea idea, IReadOnlyList<CampaignQuestion> questions)
    {
        if (string.IsNullOrWhiteSpace(idea.Problem)) v.Add("problem", "Validation.Required");
        if (string.IsNullOrWhiteSpace(idea.Solution)) v.Add("solution", "Validation.Required");
        foreach (var q in questions.Where(q => q.Required))
        {
            if (!idea.Answers.Any(a => a.QuestionId == q.Id && a.Value.Length > 0) && !_errorsFor.Contains(AnswerField(q.Id)))
                v.Add(AnswerField(q.Id), "Validation.Required");
        }
    }

    private readonly HashSet<string> _errorsFor = [];

    /// <summary>The field name of a question's answer in errors ("answers.{id:N}").</summary>
    public static string AnswerField(Guid questionId) => "answers." + questionId.ToString("N");

    private void ApplyAnswers(Idea idea, List<IdeaAnswerInput> answers, IReadOnlyList<CampaignQuestion> questions)
    {
        var given = new Dictionary<Guid, IdeaAnswerInput>();
        foreach (var a in answers)
        {
            if (a is null || !Guid.TryParse(a.QuestionId, out var qid) || questions.All(q => q.Id != qid) || !given.TryAdd(qid, a))
            {
                v.Add("answers", "Validation.Invalid");
                return;
            }
        }
        foreach (var q in questions)
        {
            if (!given.TryGetValue(q.Id, out var a)) continue;
            var field = AnswerField(q.Id);
            var value = AnswerValue(q, a, field);
            var existing = idea.Answers.FirstOrDefault(x => x.QuestionId == q.Id);
            if (value is null) continue; // invalid: the error is recorded
            if (value.Length == 0)
            {
                if (existing is not null) idea.Answers.Remove(existing);
            }
            else if (existing is null) idea.Answers.Add(new IdeaAnswer { IdeaId = idea.Id, QuestionId = q.Id, Value = value });
            else existing.Value = value;
        }
    }

    /// <summary>The stored form of an answer, "" when empty, null when invalid (with the error recorded).</summary>
    private string? AnswerValue(CampaignQuestion q, IdeaAnswerInput a, string field)
    {
        var before = v.Errors.Count;
        string? result;
        switch (q.Kind)
        {
            case QuestionKind.ShortText:
                result = v.Text(field, a.Value, ShortAnswerMax, required: false);
                break;
            case QuestionKind.LongText:
                result = v.Text(field, a.Value, LongAnswerMax, required: false, multiline: true);
                break;
            case QuestionKind.SingleChoice:
            {
                var value = Validator.Clean(a.Value ?? a.Values?.FirstOrDefault());
                result = value.Length == 0 || q.OptionList.Contains(value, StringComparer.Ordinal) ? value : null;
                if (result is null) v.Add(field, "Ideas.ChooseAnOption");
                break;
            }
            case QuestionKind.MultipleChoice:
            {
                var values = (a.Values ?? (a.Value is null ? [] : [a.Value])).Select(Validator.Clean).Where(x => x.Length > 0).ToList();
                if (values.Any(x => !q.OptionList.Contains(x, StringComparer.Ordinal)))
                {
                    v.Add(field, "Ideas.ChooseAnOption");
                    result = null;
                }
                else result = string.Join('\n', q.OptionList.Where(values.Contains));
                break;
            }
            case QuestionKind.Number:
            {
                var text = Validator.Clean(a.Value);
                if (text.Length == 0) result = "";
                else if (text.Length <= 40 && (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                                               || decimal.TryParse(text, NumberStyles.Number, CultureInfo.CurrentCulture, out n)))
                    result = n.ToString(CultureInfo.InvariantCulture);
                else
                {
                    v.Add(field, "Validation.Number");
                    result = null;
                }
                break;
            }
            default:
                result = null;
                break;
        }
        if (v.Errors.Count > before)
        {
            _errorsFor.Add(field);
            return null;
        }
        return result;
    }

    /// <inheritdoc cref="FocusAreasAsync(Guid, CancellationToken)"/>
    /// <remarks>The campaign's own come with its context: only "all" needs a query.</remarks>
    public async Task<IReadOnlyList<(int Id, string Key)>> FocusAreasAsync(CampaignContext campaign, CancellationToken ct) =>
        campaign.FocusAreas.Count > 0 ? campaign.FocusAreas.Select(f => (f.Id, f.Key)).ToList() : await AllFocusAreasAsync(ct);

    /// <summary>The focus areas an idea of the campaign may name: the campaign's own, or all when it names none.</summary>
    public async Task<IReadOnlyList<(int Id, string Key)>> FocusAreasAsync(Guid campaignId, CancellationToken ct)
    {
        var own = await (from cf in db.CampaignFocusAreas
                         join f in db.FocusAreas on cf.FocusAreaId equals f.Id
                         where cf.CampaignId == campaignId
                         orderby f.Id
                         select new { f.Id, f.Key }).ToListAsync(ct);
        return own.Count > 0 ? own.Select(f => (f.Id, f.Key)).ToList() : await AllFocusAreasAsync(ct);
    }

    private async Task<IReadOnlyList<(int Id, string Key)>> AllFocusAreasAsync(CancellationToken ct) =>
        (await db.FocusAreas.OrderBy(f => f.Id).Select(f => new { f.Id, f.Key }).ToListAsync(ct)).Select(f => (f.Id, f.Key)).ToList();

    /// <summary>Lower-case, distinct tags; null when one does not fit [letters, digits, hyphens]{2,40}.</summary>
    public static List<string>? NormaliseTags(IEnumerable<string?> tags)
    {
        var result = new List<string>();
        foreach (var raw in tags)
        {
            var tag = Validator.Clean(raw).ToLowerInvariant();
            if (tag.Length == 0) continue;
            if (!TagPattern().IsMatch(tag)) return null;
            if (!result.Contains(tag)) result.Add(tag);
        }
        return result;
    }

    /// <summary>An enumeration value by its exact name (case-insensitive); numbers and unknown names are refused.</summary>
    public static T? ParseName<T>(string? name) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var match = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
        return match is null ? null : Enum.Parse<T>(match);
    }

    [GeneratedRegex(@"^[\p{L}\p{N}-]{2,40}$")]
    private static partial Regex TagPattern();
}
