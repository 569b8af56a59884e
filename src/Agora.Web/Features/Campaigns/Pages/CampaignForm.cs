using System.Globalization;
using System.Text.RegularExpressions;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Agora.Web.Features.Campaigns.Pages;

/// <summary>
/// The campaign form's fields, named as model binding names them ("Input.Phases[0].EndsOn"); the handler's
/// errors are renamed to match (<see cref="ToFormErrors"/>) so each lands on its control and the summary links to it.
/// </summary>
public sealed partial class CampaignForm
{
    /// <summary>Empty question rows offered below the existing ones.</summary>
    public const int BlankQuestions = 3;

    public string? Slug { get; set; }
    public string? Language { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    public StrategicDriver? Driver { get; set; }
    public CampaignAudience? Audience { get; set; }
    public List<string> FocusAreas { get; set; } = [];
    public bool Featured { get; set; }
    public int? IdeasPerPerson { get; set; }
    public int? VotesPerPerson { get; set; }
    public List<PhaseForm> Phases { get; set; } = [];
    public List<QuestionForm> Questions { get; set; } = [];
    public IFormFile? Cover { get; set; }
    public bool RemoveCover { get; set; }

    public sealed class PhaseForm
    {
        public PhaseKind Kind { get; set; }
        public bool Enabled { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public bool CommentsEnabled { get; set; }
        public bool ShowVoteCounts { get; set; }
    }

    public sealed class QuestionForm
    {
        public Guid? Id { get; set; }
        public int? Position { get; set; }
        public QuestionKind? Kind { get; set; }
        public string? Label { get; set; }
        public string? Help { get; set; }
        public bool Required { get; set; }
        /// <summary>One choice per line.</summary>
        public string? Options { get; set; }
        /// <summary>Delete this existing question (refused when it has answers).</summary>
        public bool Remove { get; set; }
    }

    /// <summary>A new campaign: the hub's first language, all three phases on, three empty questions.</summary>
    public static CampaignForm ForNew(string language) => new()
    {
        Language = language,
        Driver = StrategicDriver.InnovateOrganisation,
        Audience = CampaignAudience.HubMembers,
        Phases = Enum.GetValues<PhaseKind>().Select(k => new PhaseForm { Kind = k, Enabled = true, CommentsEnabled = true, ShowVoteCounts = true }).ToList(),
        Questions = Enumerable.Range(0, BlankQuestions).Select(_ => new QuestionForm()).ToList(),
    };

    public static CampaignForm From(CampaignDetail c) => new()
    {
        Slug = c.Slug, Language = c.Language, Title = c.Title, Summary = c.Summary, Description = c.Description,
        Driver = c.Driver, Audience = c.Audience, FocusAreas = c.FocusAreas.ToList(), Featured = c.Featured,
        IdeasPerPerson = c.IdeasPerPerson, VotesPerPerson = c.VotesPerPerson,
        Phases = Enum.GetValues<PhaseKind>().Select(k => c.Phases.FirstOrDefault(p => p.Kind == k) is { } p
            ? new PhaseForm { Kind = k, Enabled = p.Enabled, StartsOn = p.StartsOn, EndsOn = p.EndsOn, CommentsEnabled = p.CommentsEnabled, ShowVoteCounts = p.ShowVoteCounts }
            : new PhaseForm { Kind = k, CommentsEnabled = true, ShowVoteCounts = true }).ToList(),
        Questions = c.Questions.Select(q => new QuestionForm
            {
                Id = q.Id, Position = q.Position, Kind = q.Kind, Label = q.Label, Help = q.Help, Required = q.Required,
                Options = string.Join('\n', q.Options),
            })
            .Concat(Enumerable.Range(0, BlankQuestions).Select(_ => new QuestionForm()))
            .ToList(),
    };

    /// <summary>
    /// What the handler gets. Rows marked for removal are left out (that is how a question is deleted), so
    /// <paramref name="rows"/> says which form row each question of the input came from.
    /// </summary>
    public CampaignInput ToInput(out IReadOnlyList<int> rows)
    {
        var kept = new List<int>();
        var questions = new List<QuestionInput>();
        for (var i = 0; i < Questions.Count; i++)
        {
            var q = Questions[i];
            if (q.Remove && q.Id is not null) continue;
            kept.Add(i);
            questions.Add(new QuestionInput
            {
                Id = q.Id, Position = q.Position, Kind = q.Kind, Label = q.Label, Help = q.Help, Required = q.Required,
                Options = (q.Options ?? "").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList(),
            });
        }
        rows = kept;
        return new CampaignInput
        {
            Slug = Slug, Language = Language, Title = Title, Summary = Summary, Description = Description,
            Driver = Driver, Audience = Audience, FocusAreas = FocusAreas, Featured = Featured,
            IdeasPerPerson = IdeasPerPerson, VotesPerPerson = VotesPerPerson,
            Phases = Phases.Select(p => new PhaseInput
            {
                Kind = p.Kind, Enabled = p.Enabled, StartsOn = p.StartsOn, EndsOn = p.EndsOn,
                CommentsEnabled = p.CommentsEnabled, ShowVoteCounts = p.ShowVoteCounts,
            }).ToList(),
            Questions = questions,
        };
    }

    /// <summary>
    /// The handler's errors as the form names its fields: question errors back on the rows they came from,
    /// and nested names in the form's casing ("phases[0].endsOn" → "phases[0].EndsOn", as model binding names them).
    /// </summary>
    public static IDictionary<string, string[]> ToFormErrors(IDictionary<string, string[]> errors, IReadOnlyList<int> rows)
    {
        var mapped = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in errors)
        {
            var name = QuestionIndex().Replace(key, m =>
            {
                var i = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                return $"questions[{(i < rows.Count ? rows[i] : i).ToString(CultureInfo.InvariantCulture)}]";
            });
            name = NestedField().Replace(name, m => "." + m.Groups[1].Value.ToUpperInvariant());
            mapped[name] = mapped.TryGetValue(name, out var existing) ? [.. existing, .. messages] : messages;
        }
        return mapped;
    }

    /// <summary>Reads an uploaded cover, refusing oversized files before reading them whole.</summary>
    public Task<UploadInput?> ReadCoverAsync(CancellationToken ct) => Uploads.ReadAsync(Cover, CoverImages.MaxBytes, ct);

    [GeneratedRegex(@"^questions\[(\d{1,4})\]")]
    private static partial Regex QuestionIndex();

    [GeneratedRegex(@"\.([a-z])")]
    private static partial Regex NestedField();
}

/// <summary>What the shared campaign form partial needs to render.</summary>
public sealed record CampaignFormView(CampaignForm Form, bool IsNew, IReadOnlyList<string> FocusAreas, bool HasCover,
    IReadOnlySet<Guid> Answered, ModelStateDictionary ModelState)
{
    public bool HasError(string name) => ModelState.TryGetValue(name, out var e) && e.Errors.Count > 0;

    public string? Invalid(string name) => HasError(name) ? "true" : null;

    /// <summary>aria-describedby for a control: its hint (if any) and its error (when there is one).</summary>
    public string? DescribedBy(string name, string? hintId = null)
    {
        var ids = new List<string>();
        if (hintId is not null) ids.Add(hintId);
        if (HasError(name)) ids.Add(PageSupport.FieldId(name) + "-error");
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public static string Phase(int i, string field) => $"Input.Phases[{i.ToString(CultureInfo.InvariantCulture)}].{field}";

    public static string Question(int i, string field) => $"Input.Questions[{i.ToString(CultureInfo.InvariantCulture)}].{field}";

    public static string Id(string name) => PageSupport.FieldId(name);

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>The hub home's featured campaigns.</summary>
public sealed record FeaturedCampaignsView(string HubSlug, IReadOnlyList<CampaignSummary> Items)
{
    /// <summary>How many the hub home shows at most.</summary>
    public const int Max = 6;
}
