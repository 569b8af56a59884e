using System.Text.Json.Nodes;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Requests;
using Agora.Web.Platform.Data;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// Helseplattformen's kinds of request, a health-data access application in review (in Norwegian, by the member) and a
/// research-participation draft: the requests pages have something to show to the applicant and the hub's manager.
/// </summary>
internal static class DemoRequests
{
    /// <summary>The key of the demo hub's own kind of request.</summary>
    public const string EquipmentLoan = "equipment-loan";

    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        var hub = hubs[DemoAccounts.HelseplattformenHub];
        var types = RequestTypes.BuiltIn.Select((b, i) => RequestTypes.Create(hub.Id, b.Kind, b.Key, i + 1, now)).ToList();
        hub.PublicRegister = true;
        db.RequestTypes.AddRange(types);
        // The hub's own kind: borrowing test equipment from the innovation lab, with a form built by its manager.
        db.RequestTypes.Add(new RequestType
        {
            Id = Guid.NewGuid(), HubId = hub.Id, Key = EquipmentLoan, Kind = RequestKind.Custom, Position = types.Count + 1,
            NameEn = "Loan of lab equipment", NamePt = "Empréstimo de equipamento do laboratório", NameNb = "Lån av utstyr fra innovasjonslaben",
            DescriptionEn = "Borrow VR headsets, sensors or tablets from the innovation lab for a trial on your ward.",
            DescriptionPt = "Peça emprestados óculos de RV, sensores ou tablets do laboratório de inovação para um teste no seu serviço.",
            DescriptionNb = "Lån VR-briller, sensorer eller nettbrett fra innovasjonslaben til et forsøk på avdelingen din.",
            DecisionMonths = 1, SignOffs = "", CreatedAt = now,
            FormJson = RequestAnswers.WriteForm(new RequestForm([
                new FormSection("loan", new LocalText("The loan", "O empréstimo", "Lånet"), [
                    new RequestField("device", FieldKind.Choice, new LocalText("Equipment", "Equipamento", "Utstyr"), Required: true, Options: [
                        new FieldOption("vr", new LocalText("VR headsets", "Óculos de RV", "VR-briller")),
                        new FieldOption("sensors", new LocalText("Sensors", "Sensores", "Sensorer")),
                        new FieldOption("tablets", new LocalText("Tablets", "Tablets", "Nettbrett")),
                    ]),
                    new RequestField("weeks", FieldKind.Number, new LocalText("Weeks", "Semanas", "Uker"), Required: true),
                    new RequestField("users", FieldKind.Group, new LocalText("Who will use it", "Quem o vai usar", "Hvem som skal bruke det"), Fields: [
                        new RequestField("name", FieldKind.Text, new LocalText("Name", "Nome", "Navn"), Required: true),
                    ]),
                ]),
            ])),
        });
        var applicant = people[DemoAccounts.Member].Id;
        var manager = people[DemoAccounts.Manager].Id;
        var data = types.Single(t => t.Kind == RequestKind.HealthDataAccess);
        var submitted = now.AddDays(-20);
        var complete = DateOnly.FromDateTime(now.AddDays(-14).UtcDateTime);
        var answers = new JsonObject
        {
            ["applicantName"] = "Mikkel Member", ["organisation"] = "Nordlys Helseteknologi AS", ["applicantRole"] = "Forsker",
            ["applicantEmail"] = DemoAccounts.Member, ["projectTitle"] = "Reinnleggelser etter hofteoperasjon",
            ["publicSummary"] = "Hvor mange pasienter legges inn igjen innen 30 dager etter en hofteoperasjon, og hva kjennetegner dem?",
            ["projectStart"] = "2027-01-01", ["projectEnd"] = "2028-06-30",
            ["purposes"] = new JsonArray("scientificResearch", "improvingCare"),
            ["purposeExplanation"] = "Finne pasienter med høy risiko for reinnleggelse, slik at oppfølgingen etter utskrivning kan målrettes.",
            ["variables"] = "Alder, kjønn, diagnosekoder (ICD-10), prosedyrekoder, liggetid, reinnleggelse innen 30 dager.",
            ["population"] = "Pasienter operert for hoftebrudd i Midt-Norge.", ["inclusionCriteria"] = "Operert 2019–2024, 65 år eller eldre.",
            ["dataPeriodFrom"] = "2019-01-01", ["dataPeriodTo"] = "2024-12-31", ["dataSources"] = "Pasientjournal (Helseplattformen), Norsk pasientregister.",
            ["linkage"] = "no", ["dataMinimisation"] = "Bare variablene over, uten navn og fødselsnummer; alder i femårsgrupper.",
            ["gdprArticle6"] = "publicTask", ["gdprArticle9"] = "researchOrStatistics",
            ["legalBasisExplanation"] = "Forskning i allmennhetens interesse, med hjemmel i helseforskningsloven.",
            ["dataForm"] = "anonymised", ["dpia"] = "notNeeded", ["dpiaNotNeededReason"] = "Anonymiserte data.",
            ["ethicsApproval"] = "appliedFor", ["ethicsCommittee"] = "REK midt", ["processingEnvironment"] = "hdabEnvironment",
            ["dataUsers"] = new JsonArray(new JsonObject { ["userName"] = "Mikkel Member", ["userOrganisation"] = "Nordlys Helseteknologi AS", ["userRole"] = "Forsker" }),
            ["transferOutsideEea"] = "no", ["expectedBenefits"] = "Færre reinnleggelser og bedre ressursbruk i kommunene.",
        };
        var application = new HubRequest
        {
            HubId = hub.Id, TypeId = data.Id, ApplicantId = applicant, Title = "Reinnleggelser etter hofteoperasjon", Language = "nb-NO",
            State = RequestState.InReview, AnswersJson = answers.ToJsonString(), CreatedAt = now.AddDays(-25), UpdatedAt = now.AddDays(-14),
            SubmittedAt = submitted, CompleteOn = complete, DecisionDueOn = RequestDeadlines.DecisionDue(complete, data.DecisionMonths),
        };
        var research = types.Single(t => t.Kind == RequestKind.ResearchParticipation);
        var draft = new HubRequest
        {
            HubId = hub.Id, TypeId = research.Id, ApplicantId = applicant, Title = "Søvn og skiftarbeid", Language = "nb-NO", State = RequestState.Draft,
            AnswersJson = new JsonObject { ["projectTitle"] = "Søvn og skiftarbeid blant sykepleiere" }.ToJsonString(), CreatedAt = now, UpdatedAt = now,
        };
        db.Requests.AddRange(application, draft);
        await db.SaveChangesAsync(ct);
        db.RequestEvents.AddRange(
            new RequestEvent { RequestId = application.Id, To = RequestState.Draft, ActorId = applicant, At = application.CreatedAt },
            new RequestEvent { RequestId = application.Id, From = RequestState.Draft, To = RequestState.Submitted, ActorId = applicant, At = submitted },
            new RequestEvent
            {
                RequestId = application.Id, From = RequestState.Submitted, To = RequestState.InReview, ActorId = manager, At = now.AddDays(-14),
            },
            new RequestEvent { RequestId = draft.Id, To = RequestState.Draft, ActorId = applicant, At = now });
        await db.SaveChangesAsync(ct);
    }
}
