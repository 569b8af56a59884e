using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Agora.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Requests;

/// <summary>One point a reviewer checks before signing off a request.</summary>
public sealed record ChecklistItem(string Key, LocalText Text);

/// <summary>
/// A built-in kind of request as its data file states it: name, description, months to decide, the roles whose sign-off a
/// decision needs, whether the decider must be someone other than those reviewers, the review checklists (items by key,
/// and the keys each review role checks) and the form.
/// </summary>
public sealed record BuiltInForm(string File, RequestKind Kind, LocalText Name, LocalText Description, int DecisionMonths,
    IReadOnlyList<ReviewRole> SignOffs, bool SeparateDecider, IReadOnlyDictionary<string, LocalText> ChecklistItems,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ChecklistRoles, RequestForm Form)
{
    public IReadOnlyList<ChecklistItem> Checklist(ReviewRole role) =>
        ChecklistRoles.TryGetValue(role.ToString(), out var keys)
            ? keys.Where(ChecklistItems.ContainsKey).Select(k => new ChecklistItem(k, ChecklistItems[k])).ToList()
            : [];
}

/// <summary>A built-in form file that cannot be read or breaks a rule; the message names the file and every broken place.</summary>
public sealed class BrokenBuiltInFormException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The forms, deadlines, sign-offs and review checklists of the four built-in kinds of request, read from the data files in
/// <c>Features/Requests/Forms</c> (one per kind, named by its key, built into the app). The data-access form follows the
/// application of the European Health Data Space (Regulation (EU) 2025/327, Art. 67–68); three months to decide is what
/// EHDS Art. 68 sets for data permits. Field keys are stable: answers are stored under them, so a key is never renamed once
/// released. The files are checked by the form checker at start (<see cref="BuiltInFormsCheck"/>) and in the tests.
/// </summary>
public static partial class BuiltInForms
{
    private const string ResourcePrefix = "Agora.Web.Requests.Forms.";

    /// <summary>How the files are read: comments and trailing commas allowed, an unknown property refused (a typo is an error).</summary>
    private static readonly JsonSerializerOptions FileJson = new(RequestAnswers.Json)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<IReadOnlyDictionary<RequestKind, BuiltInForm>> Loaded = new(() =>
    {
        var files = Files().ToDictionary(f => f.File, f => f.Json, StringComparer.Ordinal);
        return RequestTypes.BuiltIn.ToDictionary(b => b.Kind, b => files.TryGetValue(FileName(b.Key), out var json)
            ? Parse(FileName(b.Key), json)
            : throw new BrokenBuiltInFormException($"The built-in request form {FileName(b.Key)} is missing."));
    });

    [GeneratedRegex("^[a-z][a-zA-Z0-9]{0,39}$")]
    private static partial Regex ItemKey();

    public static RequestForm For(RequestKind kind) => Get(kind).Form;

    public static LocalText Name(RequestKind kind) => Get(kind).Name;

    public static LocalText Description(RequestKind kind) => Get(kind).Description;

    /// <summary>Months within which the hub decides.</summary>
    public static int DecisionMonths(RequestKind kind) => Get(kind).DecisionMonths;

    /// <summary>The roles whose approval a decision needs; empty when any reviewer may recommend and the manager decides.</summary>
    public static IReadOnlyList<ReviewRole> RequiredSignOffs(RequestKind kind) => Get(kind).SignOffs;

    /// <summary>
    /// Whether the manager who decides may not be one of the reviewers who signed off: on for health-data access, where
    /// the access body must show that review and decision were separate.
    /// </summary>
    public static bool SeparateDecider(RequestKind kind) => Get(kind).SeparateDecider;

    /// <summary>What a reviewer in <paramref name="role"/> checks on a request of <paramref name="kind"/>.</summary>
    public static IReadOnlyList<ChecklistItem> Checklist(RequestKind kind, ReviewRole role) => Get(kind).Checklist(role);

    private static BuiltInForm Get(RequestKind kind) =>
        kind != RequestKind.Custom && Loaded.Value.TryGetValue(kind, out var form) ? form : throw NotBuiltIn(kind);

    private static ArgumentOutOfRangeException NotBuiltIn(RequestKind kind) =>
        new(nameof(kind), kind, "Only the four built-in kinds have a built-in form; a custom kind carries its own.");

    private static string FileName(string key) => key + ".json";

    /// <summary>The data files as built into the app: file name ("sandbox-test.json") and text, by name.</summary>
    public static IReadOnlyList<(string File, string Json)> Files()
    {
        var assembly = typeof(BuiltInForms).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (File: n[ResourcePrefix.Length..], Json: reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>Reads one file; throws <see cref="BrokenBuiltInFormException"/> when it is not JSON of the right shape.</summary>
    public static BuiltInForm Parse(string file, string json)
    {
        FormFile? data;
        try
        {
            data = JsonSerializer.Deserialize<FormFile>(json, FileJson);
        }
        catch (JsonException e)
        {
            throw new BrokenBuiltInFormException($"The built-in request form {file} cannot be read: {e.Message}", e);
        }
        if (data is null) throw new BrokenBuiltInFormException($"The built-in request form {file} is empty.");

        var none = new LocalText("", "", "");
        var items = (data.Checklist?.Items ?? new Dictionary<string, LocalText?>()).ToDictionary(i => i.Key, i => i.Value ?? none, StringComparer.Ordinal);
        var roles = (data.Checklist?.Roles ?? new Dictionary<string, List<string>?>()).ToDictionary(r => r.Key, r => (IReadOnlyList<string>)(r.Value ?? []).AsReadOnly(),
            StringComparer.Ordinal);
        return new BuiltInForm(file, data.Kind ?? RequestKind.Custom, data.Name ?? none, data.Description ?? none, data.DecisionMonths ?? 0,
            (data.SignOffs ?? []).ToList().AsReadOnly(), data.SeparateDecider, items.AsReadOnly(), roles.AsReadOnly(),
            Frozen(data.Form ?? new RequestForm([])));
    }

    /// <summary>
    /// The rules a built-in form keeps: the form checker's (<see cref="RequestTypeAdmin.Check"/>, with a single fixed option
    /// allowed), the file named after its kind, names and descriptions as a hub's own kinds have them, a deadline within the
    /// limits, and checklists whose items are translated and named by the roles that exist, one for every sign-off.
    /// </summary>
    public static void Check(BuiltInForm form, Validator v)
    {
        var builtIn = RequestTypes.BuiltIn.Where(b => b.Kind == form.Kind && form.Kind != RequestKind.Custom).Select(b => b.Key).ToList();
        if (builtIn.Count != 1 || FileName(builtIn[0]) != form.File) v.Add("kind", "Validation.Invalid");

        v.Text("name.en", form.Name.En, 150);
        v.Text("name.pt", form.Name.Pt, 150);
        v.Text("name.nb", form.Name.Nb, 150);
        v.Text("description.en", form.Description.En, 1000, multiline: true);
        v.Text("description.pt", form.Description.Pt, 1000, multiline: true);
        v.Text("description.nb", form.Description.Nb, 1000, multiline: true);
        if (form.DecisionMonths is < 1 or > RequestTypeAdmin.MaxMonths) v.Add("decisionMonths", "Validation.Range", 1, RequestTypeAdmin.MaxMonths);
        if (form.SignOffs.Distinct().Count() != form.SignOffs.Count) v.Add("signOffs", "Validation.Invalid");

        foreach (var (key, text) in form.ChecklistItems)
        {
            var at = "checklist.items." + key;
            if (!ItemKey().IsMatch(key)) v.Add(at, "Requests.Types.KeyRule");
            v.Text(at + ".en", text.En, 500, multiline: true);
            v.Text(at + ".pt", text.Pt, 500, multiline: true);
            v.Text(at + ".nb", text.Nb, 500, multiline: true);
        }
        foreach (var (role, keys) in form.ChecklistRoles)
        {
            var at = "checklist.roles." + role;
            if (!Enum.GetNames<ReviewRole>().Contains(role, StringComparer.Ordinal)) v.Add(at, "Validation.Invalid");
            if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count) v.Add(at, "Requests.Types.KeyTaken");
            for (var i = 0; i < keys.Count; i++)
                if (!form.ChecklistItems.ContainsKey(keys[i])) v.Add($"{at}.{i}", "Validation.Invalid");
        }
        foreach (var role in form.SignOffs.Where(r => form.Checklist(r).Count == 0))
            v.Add("checklist.roles." + role, "Validation.Required");

        RequestTypeAdmin.Check(form.Form, v, fixedChoices: true);
    }

    /// <summary>
    /// Every broken place in <paramref name="files"/>, one line each ("sandbox-test.json: sections.3.fields.0.options: ..."),
    /// and every built-in kind without a file; empty when all keep the rules. Messages are in the current UI culture.
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<(string File, string Json)> files, IStringLocalizer<SharedResource> t)
    {
        var problems = new List<string>();
        foreach (var (file, json) in files)
        {
            BuiltInForm form;
            try
            {
                form = Parse(file, json);
            }
            catch (BrokenBuiltInFormException e)
            {
                problems.Add(e.Message);
                continue;
            }
            var v = new Validator(t);
            Check(form, v);
            problems.AddRange(v.Errors.SelectMany(e => e.Value.Select(message => $"{file}: {e.Key}: {message}")));
        }
        foreach (var (kind, key) in RequestTypes.BuiltIn.Where(b => files.All(f => f.File != FileName(b.Key))))
            problems.Add($"{FileName(key)}: missing: the built-in kind {kind} has no form file.");
        return problems;
    }

    /// <summary>Throws <see cref="BrokenBuiltInFormException"/>, naming every problem, unless all the files keep the rules.</summary>
    public static void EnsureValid(IReadOnlyList<(string File, string Json)> files, IStringLocalizer<SharedResource> t)
    {
        var problems = Problems(files, t);
        if (problems.Count > 0)
            throw new BrokenBuiltInFormException(
                "The built-in request forms (src/Agora.Web/Features/Requests/Forms) break the form rules; Agora does not start until they are fixed:"
                + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
    }

    // Read-only wrappers: the forms are shared by every request, so no caller may change them through a cast.
    private static RequestForm Frozen(RequestForm form) =>
        new((form.Sections ?? []).Select(s => s with { Fields = Frozen(s.Fields) }).ToList().AsReadOnly());

    private static IReadOnlyList<RequestField> Frozen(IReadOnlyList<RequestField>? fields) =>
        (fields ?? []).Select(f => f with
        {
            Options = f.Options?.ToList().AsReadOnly(),
            Fields = f.Fields is null ? null : Frozen(f.Fields),
            RequiredIf = f.RequiredIf is null ? null : f.RequiredIf with { Values = (f.RequiredIf.Values ?? []).ToList().AsReadOnly() },
        }).ToList().AsReadOnly();

    internal sealed record FormFile(RequestKind? Kind, LocalText? Name, LocalText? Description, int? DecisionMonths,
        IReadOnlyList<ReviewRole>? SignOffs, bool SeparateDecider, ChecklistFile? Checklist, RequestForm? Form);

    internal sealed record ChecklistFile(Dictionary<string, LocalText?>? Items, Dictionary<string, List<string>?>? Roles);
}

/// <summary>Refuses to start Agora when a built-in form file is broken, naming the file and every broken place.</summary>
internal sealed class BuiltInFormsCheck(IStringLocalizer<SharedResource> t) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The operator reads this in the log: in English, whatever the machine's language.
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            BuiltInForms.EnsureValid(BuiltInForms.Files(), t);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
