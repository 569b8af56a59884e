using System.Text.RegularExpressions;
using Agora.Web;
using Agora.Web.Features.Requests;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agora.Tests.Features.Requests;

/// <summary>The built-in request forms are well formed, fully translated and carry what the reviews rely on.</summary>
public sealed partial class BuiltInFormsTests
{
    private static readonly RequestKind[] BuiltIn =
        [RequestKind.ResearchParticipation, RequestKind.InnovationParticipation, RequestKind.HealthDataAccess, RequestKind.SandboxTest];

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex LowerCamelCase();

    private static IEnumerable<RequestField> AllFields(RequestForm form) =>
        form.Fields.SelectMany(f => new[] { f }.Concat(f.Fields ?? []));

    /// <summary>The app's own messages, as the check at start reads them.</summary>
    private static readonly IStringLocalizer<SharedResource> Messages = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    private static (string File, string Json) File(string name) => BuiltInForms.Files().Single(f => f.File == name);

    [Fact]
    public void Files_EveryBuiltInKind_OneFileTheFormCheckerFindsNoErrorIn()
    {
        var files = BuiltInForms.Files();
        Assert.Equal(RequestTypes.BuiltIn.Select(b => b.Key + ".json").Order(StringComparer.Ordinal), files.Select(f => f.File));
        Assert.Empty(BuiltInForms.Problems(files, Messages));
        BuiltInForms.EnsureValid(files, Messages);
        foreach (var (kind, key) in RequestTypes.BuiltIn)
            Assert.Equal(kind, BuiltInForms.Parse(key + ".json", File(key + ".json").Json).Kind);
    }

    [Fact]
    public void EnsureValid_BrokenDefinitions_RefusedNamingTheFileAndThePlace()
    {
        var sandbox = File("sandbox-test.json");
        var duplicateKey = sandbox.Json.Replace("\"key\": \"companyNumber\"", "\"key\": \"companyName\"", StringComparison.Ordinal);
        var noDefault = sandbox.Json.Replace("\"default\": \"syntheticOnly\"", "\"maxLength\": null", StringComparison.Ordinal);
        var unknownRole = sandbox.Json.Replace("\"Security\": [", "\"Safety\": [", StringComparison.Ordinal);
        Assert.NotEqual(sandbox.Json, duplicateKey);
        Assert.NotEqual(sandbox.Json, noDefault);
        Assert.NotEqual(sandbox.Json, unknownRole);

        var refused = Assert.Throws<BrokenBuiltInFormException>(() => BuiltInForms.EnsureValid(
            [("sandbox-test.json", duplicateKey), File("health-data-access.json")], Messages));
        Assert.Contains("sandbox-test.json: sections.0.fields.1.key: ", refused.Message);
        Assert.DoesNotContain("health-data-access.json:", refused.Message);
        // The kinds without a file are named too.
        Assert.Contains("research-participation.json: missing", refused.Message);

        // A single option is a fixed answer only when it is also the default.
        Assert.Contains(BuiltInForms.Problems([("sandbox-test.json", noDefault)], Messages), p => p.StartsWith("sandbox-test.json: sections.3.fields.0.options: ", StringComparison.Ordinal));
        // The sign-off role's checklist is gone, and the role that replaced it does not exist.
        var roles = BuiltInForms.Problems([("sandbox-test.json", unknownRole)], Messages);
        Assert.Contains("sandbox-test.json: checklist.roles.Safety: ", roles[0]);
        Assert.Contains(roles, p => p.StartsWith("sandbox-test.json: checklist.roles.Security: ", StringComparison.Ordinal));
        // A file under the wrong name, a typo in a property and a file that is not JSON.
        Assert.Contains(BuiltInForms.Problems([("research-participation.json", File("innovation-participation.json").Json)], Messages),
            p => p.StartsWith("research-participation.json: kind: ", StringComparison.Ordinal));
        var typo = sandbox.Json.Replace("\"maxLength\"", "\"maxLenght\"", StringComparison.Ordinal);
        Assert.Contains("sandbox-test.json cannot be read", Assert.Throws<BrokenBuiltInFormException>(() => BuiltInForms.Parse("sandbox-test.json", typo)).Message);
        Assert.Contains("sandbox-test.json cannot be read", Assert.Throws<BrokenBuiltInFormException>(() => BuiltInForms.Parse("sandbox-test.json", "{ \"kind\": ")).Message);
    }

    [Fact]
    public void For_BuiltInForms_ReadOnly()
    {
        var form = BuiltInForms.For(RequestKind.HealthDataAccess);
        Assert.IsNotType<List<FormSection>>(form.Sections);
        Assert.All(form.Sections, s => Assert.IsNotType<List<RequestField>>(s.Fields));
        Assert.All(AllFields(form).Where(f => f.Options is not null), f => Assert.IsNotType<List<FieldOption>>(f.Options));
    }

    [Fact]
    public void For_EveryBuiltInKind_FieldKeysUniqueAlsoInsideGroups()
    {
        foreach (var kind in BuiltIn)
        {
            var keys = AllFields(BuiltInForms.For(kind)).Select(f => f.Key).ToList();
            var duplicates = keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, $"{kind}: duplicate keys {string.Join(", ", duplicates)}");
            Assert.True(keys.Count <= RequestFormRules.MaxFields, $"{kind}: {keys.Count} fields");

            var sections = BuiltInForms.For(kind).Sections.Select(s => s.Key).ToList();
            Assert.Equal(sections.Count, sections.Distinct().Count());
        }
    }

    [Fact]
    public void For_EveryBuiltInKind_KeysLowerCamelCaseAsciiAndShort()
    {
        foreach (var kind in BuiltIn)
        {
            var form = BuiltInForms.For(kind);
            var keys = form.Sections.Select(s => s.Key)
                .Concat(AllFields(form).Select(f => f.Key))
                .Concat(AllFields(form).SelectMany(f => f.Options ?? []).Select(o => o.Key));
            foreach (var key in keys)
            {
                Assert.True(LowerCamelCase().IsMatch(key), $"{kind}: '{key}' is not lowerCamelCase ASCII");
                Assert.True(key.Length <= RequestFormRules.KeyLength, $"{kind}: '{key}' is longer than {RequestFormRules.KeyLength}");
            }
        }
    }

    [Fact]
    public void For_EveryBuiltInKind_AllTextsInThreeLanguagesAndLabelsTranslated()
    {
        foreach (var kind in BuiltIn)
        {
            var form = BuiltInForms.For(kind);
            var labels = form.Sections.Select(s => (Where: $"section {s.Key}", Text: s.Title))
                .Concat(AllFields(form).Select(f => (Where: $"field {f.Key}", Text: f.Label)))
                .Concat(AllFields(form).SelectMany(f => (f.Options ?? []).Select(o => (Where: $"option {f.Key}.{o.Key}", Text: o.Label))))
                .ToList();
            var helps = AllFields(form).Where(f => f.Help is not null).Select(f => (Where: $"help {f.Key}", Text: f.Help!));
            var about = new[] { (Where: "name", Text: BuiltInForms.Name(kind)), (Where: "description", Text: BuiltInForms.Description(kind)) };
            var checklists = Enum.GetValues<ReviewRole>()
                .SelectMany(r => BuiltInForms.Checklist(kind, r).Select(i => (Where: $"checklist {r}.{i.Key}", i.Text)));

            foreach (var (where, text) in labels.Concat(helps).Concat(about).Concat(checklists))
            {
                Assert.False(string.IsNullOrWhiteSpace(text.En), $"{kind} {where}: no English");
                Assert.False(string.IsNullOrWhiteSpace(text.Pt), $"{kind} {where}: no Portuguese");
                Assert.False(string.IsNullOrWhiteSpace(text.Nb), $"{kind} {where}: no Norwegian");
            }
            foreach (var (where, text) in labels.Concat(about))
                Assert.True(text.En != text.Nb, $"{kind} {where}: Norwegian is the English '{text.En}'");
            foreach (var (where, text) in about)
                Assert.True(text.En != text.Pt, $"{kind} {where}: Portuguese is the English '{text.En}'");
        }
    }

    [Fact]
    public void For_EveryBuiltInKind_ChoicesHaveTwoOrMoreUniqueOptions()
    {
        foreach (var kind in BuiltIn)
        {
            foreach (var field in AllFields(BuiltInForms.For(kind)))
            {
                var isChoice = field.Kind is FieldKind.Choice or FieldKind.MultiChoice;
                Assert.True(isChoice == field.Options is not null, $"{kind} {field.Key}: options only on choices");
                Assert.True((field.Kind == FieldKind.Group) == field.Fields is { Count: > 0 }, $"{kind} {field.Key}: fields only on groups");
                if (!isChoice)
                    continue;

                var options = field.Options!.Select(o => o.Key).ToList();
                Assert.Equal(options.Count, options.Distinct().Count());
                if (kind == RequestKind.SandboxTest && field.Key == "dataNeeded")
                    Assert.Single(options);
                else
                    Assert.True(options.Count >= 2, $"{kind} {field.Key}: {options.Count} option(s)");
            }
        }
    }

    [Fact]
    public void For_EveryBuiltInKind_RequiredIfNamesAChoiceAndItsOptions()
    {
        foreach (var kind in BuiltIn)
        {
            var fields = AllFields(BuiltInForms.For(kind)).ToDictionary(f => f.Key);
            foreach (var field in fields.Values.Where(f => f.RequiredIf is not null))
            {
                var when = field.RequiredIf!;
                Assert.True(fields.TryGetValue(when.Field, out var choice), $"{kind} {field.Key}: no field '{when.Field}'");
                Assert.Equal(FieldKind.Choice, choice!.Kind);
                Assert.NotEmpty(when.Values);
                foreach (var value in when.Values)
                    Assert.Contains(value, choice.Options!.Select(o => o.Key));
                Assert.False(field.Required, $"{kind} {field.Key}: both Required and RequiredIf");
            }
        }
    }

    [Fact]
    public void For_EveryBuiltInKind_DefaultsAreOptionKeys()
    {
        foreach (var kind in BuiltIn)
        {
            foreach (var field in AllFields(BuiltInForms.For(kind)).Where(f => f.Default is not null))
            {
                Assert.NotNull(field.Options);
                Assert.Contains(field.Default, field.Options!.Select(o => o.Key));
            }
        }
    }

    [Fact]
    public void For_EveryBuiltInKind_TextLengthsWithinTheRules()
    {
        foreach (var kind in BuiltIn)
        {
            foreach (var field in AllFields(BuiltInForms.For(kind)))
            {
                var limit = field.Kind switch
                {
                    FieldKind.Text => RequestFormRules.TextLength,
                    FieldKind.LongText => RequestFormRules.LongTextLength,
                    _ => (int?)null,
                };
                if (limit is null)
                    Assert.Null(field.MaxLength);
                else
                    Assert.InRange(field.MaxLength ?? 0, 1, limit.Value);
            }
        }
    }

    [Fact]
    public void For_HealthDataAccess_HasTheFieldsOfTheApplication()
    {
        var form = BuiltInForms.For(RequestKind.HealthDataAccess);
        var keys = AllFields(form).Select(f => f.Key).ToHashSet();
        string[] expected =
        [
            "applicantName", "organisation", "organisationNumber", "applicantRole", "applicantEmail", "applicantPhone",
            "projectTitle", "publicSummary", "projectStart", "projectEnd",
            "purposes", "purposeExplanation",
            "variables", "population", "inclusionCriteria", "exclusionCriteria", "dataPeriodFrom", "dataPeriodTo", "dataSources",
            "linkage", "linkageDetails", "dataMinimisation",
            "gdprArticle6", "gdprArticle9", "legalBasisExplanation",
            "dataForm", "pseudonymisationJustification", "dpia", "dpiaDocument", "dpoAssessment", "dpoAssessmentDocument",
            "ethicsApproval", "ethicsCommittee", "ethicsReference", "ethicsApprovalDocument",
            "processingEnvironment", "processingEnvironmentDetails",
            "dataUsers", "userName", "userOrganisation", "userRole", "userEmail",
            "transferOutsideEea", "transferDetails", "expectedBenefits",
        ];
        var missing = expected.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"missing: {string.Join(", ", missing)}");

        var fields = AllFields(form).ToDictionary(f => f.Key);
        Assert.Equal(6, fields["purposes"].Options!.Count);
        Assert.Equal(FieldKind.MultiChoice, fields["purposes"].Kind);
        Assert.Equal("anonymised", fields["dataForm"].Default);
        Assert.Equal("dataForm", fields["pseudonymisationJustification"].RequiredIf!.Field);
        Assert.Equal(["pseudonymised"], fields["pseudonymisationJustification"].RequiredIf!.Values);
        Assert.Equal(["approved"], fields["ethicsApprovalDocument"].RequiredIf!.Values);
        Assert.Equal(FieldKind.File, fields["ethicsApprovalDocument"].Kind);
        Assert.Equal(["yes"], fields["linkageDetails"].RequiredIf!.Values);
        Assert.Equal(["yes"], fields["transferDetails"].RequiredIf!.Values);
        Assert.Equal(FieldKind.Group, fields["dataUsers"].Kind);
        Assert.True(fields["dataUsers"].Required);
        Assert.True(fields["dataMinimisation"].Required);
        Assert.True(fields["expectedBenefits"].Required);
        Assert.Contains("personal data", fields["publicSummary"].Help!.En);
        Assert.Contains("REK", fields["ethicsCommittee"].Help!.Nb);
    }

    [Fact]
    public void For_SandboxTest_SyntheticDataOnlyAndSecurityDocumentsRequired()
    {
        var fields = AllFields(BuiltInForms.For(RequestKind.SandboxTest)).ToDictionary(f => f.Key);
        var data = fields["dataNeeded"];
        Assert.Equal("syntheticOnly", Assert.Single(data.Options!).Key);
        Assert.Equal("syntheticOnly", data.Default);
        Assert.True(fields["securityDocumentation"].Required);
        Assert.Equal(FieldKind.File, fields["securityDocumentation"].Kind);
        Assert.True(fields["testPlan"].Required);
        Assert.Equal(6, fields["medicalDeviceClass"].Options!.Count);
    }

    [Fact]
    public void For_ParticipationKinds_SameKeysDifferentWording()
    {
        var research = BuiltInForms.For(RequestKind.ResearchParticipation);
        var innovation = BuiltInForms.For(RequestKind.InnovationParticipation);
        Assert.Equal(AllFields(research).Select(f => f.Key), AllFields(innovation).Select(f => f.Key));
        Assert.NotEqual(research.Sections[0].Title, innovation.Sections[0].Title);
        Assert.Equal(
            ["staffTime", "data", "premises", "testUsers", "expertise", "other"],
            AllFields(research).Single(f => f.Key == "requestedSupport").Options!.Select(o => o.Key));
    }

    [Fact]
    public void For_Custom_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BuiltInForms.For(RequestKind.Custom));
        Assert.Throws<ArgumentOutOfRangeException>(() => BuiltInForms.Name(RequestKind.Custom));
        Assert.Throws<ArgumentOutOfRangeException>(() => BuiltInForms.DecisionMonths(RequestKind.Custom));
    }

    [Fact]
    public void DecisionMonths_BuiltInKinds_AsAgreed()
    {
        Assert.Equal(3, BuiltInForms.DecisionMonths(RequestKind.HealthDataAccess));
        Assert.Equal(2, BuiltInForms.DecisionMonths(RequestKind.SandboxTest));
        Assert.Equal(2, BuiltInForms.DecisionMonths(RequestKind.ResearchParticipation));
        Assert.Equal(2, BuiltInForms.DecisionMonths(RequestKind.InnovationParticipation));
    }

    [Fact]
    public void RequiredSignOffs_BuiltInKinds_LegalPrivacyForDataSecurityForSandbox()
    {
        Assert.Equal([ReviewRole.Legal, ReviewRole.Privacy], BuiltInForms.RequiredSignOffs(RequestKind.HealthDataAccess));
        Assert.Equal([ReviewRole.Security], BuiltInForms.RequiredSignOffs(RequestKind.SandboxTest));
        Assert.Empty(BuiltInForms.RequiredSignOffs(RequestKind.ResearchParticipation));
        Assert.Empty(BuiltInForms.RequiredSignOffs(RequestKind.InnovationParticipation));
    }

    [Fact]
    public void Checklist_EveryRoleOfEveryBuiltInKind_ThreeToSevenUniqueItems()
    {
        foreach (var kind in BuiltIn)
        {
            foreach (var role in Enum.GetValues<ReviewRole>())
            {
                var items = BuiltInForms.Checklist(kind, role);
                Assert.InRange(items.Count, 3, 7);
                Assert.Equal(items.Count, items.Select(i => i.Key).Distinct().Count());
                Assert.All(items, i => Assert.Matches(LowerCamelCase(), i.Key));
            }
            foreach (var role in BuiltInForms.RequiredSignOffs(kind))
                Assert.NotEmpty(BuiltInForms.Checklist(kind, role));
        }
    }

    [Fact]
    public void Checklist_HealthDataAccessLegalAndPrivacy_FiveSafesLegalBasisAndMinimisation()
    {
        string[] expected = ["safeProject", "safePeople", "safeSetting", "safeData", "safeOutputs", "legalBasis", "dataMinimisation"];
        Assert.Equal(expected, BuiltInForms.Checklist(RequestKind.HealthDataAccess, ReviewRole.Legal).Select(i => i.Key));
        Assert.Equal(expected, BuiltInForms.Checklist(RequestKind.HealthDataAccess, ReviewRole.Privacy).Select(i => i.Key));
        Assert.Contains("ethicsApproval", BuiltInForms.Checklist(RequestKind.HealthDataAccess, ReviewRole.Ethics).Select(i => i.Key));
        Assert.Contains("noTransfer", BuiltInForms.Checklist(RequestKind.HealthDataAccess, ReviewRole.Security).Select(i => i.Key));
        Assert.Contains("syntheticOnly", BuiltInForms.Checklist(RequestKind.SandboxTest, ReviewRole.Security).Select(i => i.Key));
    }
}
