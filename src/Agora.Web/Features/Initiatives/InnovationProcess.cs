using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Initiatives;

/// <summary>The steps of ISO 56002 clause 8.3 that a hub's stages stand for.</summary>
public enum ProcessStep
{
    IdentifyOpportunity,
    CreateConcept,
    ValidateConcept,
    DevelopSolution,
    DeploySolution,
}

/// <summary>A stage of a hub's innovation process, with its name in the three languages and its place in the order.</summary>
public sealed class InnovationStage : IPositioned
{
    public Guid Id { get; set; }
    public Guid HubId { get; set; }
    public int Position { get; set; }
    public ProcessStep Step { get; set; }
    public string NameEn { get; set; } = "";
    public string NamePt { get; set; } = "";
    public string NameNb { get; set; } = "";
    /// <summary>The documents the stage needs before its gate lets the initiative go on (<see cref="ArtefactKind"/> names, comma-separated).</summary>
    public string RequiredArtefacts { get; set; } = "";

    public IReadOnlyList<ArtefactKind> Required => RequiredArtefacts
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(k => Enum.TryParse<ArtefactKind>(k, out var kind) ? kind : (ArtefactKind?)null).OfType<ArtefactKind>().Distinct().ToList();

    /// <summary>The name in the culture asked for (English when it is neither Portuguese nor Norwegian).</summary>
    public static string NameIn(string culture, string en, string pt, string nb) => Platform.Localization.ThreeLanguages.Pick(culture, en, pt, nb);
}

public sealed class InnovationStageConfiguration : IEntityTypeConfiguration<InnovationStage>
{
    public void Configure(EntityTypeBuilder<InnovationStage> b)
    {
        b.ToTable("InnovationStages");
        b.Property(s => s.Step).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.NameEn).HasMaxLength(100).IsRequired();
        b.Property(s => s.NamePt).HasMaxLength(100).IsRequired();
        b.Property(s => s.NameNb).HasMaxLength(100).IsRequired();
        b.Property(s => s.RequiredArtefacts).HasMaxLength(300).IsRequired();
        b.HasIndex(s => new { s.HubId, s.Position }).IsUnique();
        b.HasOne<Hub>().WithMany().HasForeignKey(s => s.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A hub's innovation process: its own stages, or the ISO 56002 ones the first time it is needed.</summary>
public sealed class InnovationProcess(AgoraDbContext db)
{
    /// <summary>ISO 56002 clause 8.3, in English, Portuguese and Norwegian Bokmål, with what each stage needs before its gate.</summary>
    public static readonly (ProcessStep Step, string En, string Pt, string Nb, ArtefactKind[] Required)[] Iso56002 =
    [
        (ProcessStep.IdentifyOpportunity, "Identify opportunity", "Identificar a oportunidade", "Identifisere mulighet", []),
        (ProcessStep.CreateConcept, "Create concept", "Criar o conceito", "Utvikle konsept", [ArtefactKind.ConceptDescription]),
        (ProcessStep.ValidateConcept, "Validate concept", "Validar o conceito", "Validere konsept", [ArtefactKind.ValidationPlan]),
        (ProcessStep.DevelopSolution, "Develop solution", "Desenvolver a solução", "Utvikle løsning", [ArtefactKind.PilotReport]),
        (ProcessStep.DeploySolution, "Deploy solution", "Implementar a solução", "Ta i bruk løsning", []),
    ];

    /// <summary>The ISO 56002 stages for a hub, as new rows.</summary>
    public static List<InnovationStage> DefaultStages(Guid hubId) => Iso56002.Select((s, i) => new InnovationStage
    {
        Id = Guid.NewGuid(), HubId = hubId, Position = i + 1, Step = s.Step, NameEn = s.En, NamePt = s.Pt, NameNb = s.Nb,
        RequiredArtefacts = string.Join(',', s.Required),
    }).ToList();

    /// <summary>The hub's stages in order; the ISO 56002 ones are created when the hub has none yet.</summary>
    public Task<List<InnovationStage>> StagesAsync(Guid hubId, CancellationToken ct) =>
        db.ExistingOrCreatedAsync(db.InnovationStages.Where(s => s.HubId == hubId).OrderBy(s => s.Position), () => DefaultStages(hubId), ct);
}
