using System.Text.Json;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Maturity;

/// <summary>When in the customer's journey an assessment is made.</summary>
public enum AssessmentWave
{
    /// <summary>At first contact, before support.</summary>
    T0,
    /// <summary>After support (only once T0 is submitted).</summary>
    T1,
}

public enum AssessmentStatus
{
    Draft,
    Submitted,
}

/// <summary>
/// A digital maturity assessment of a network customer, made with a hub at T0 or T1. The answers are saved as a draft
/// dimension by dimension; on submission the scores are computed once and stored, so a later change of the scoring
/// rules does not silently rewrite what was reported.
/// </summary>
public sealed class MaturityAssessment
{
    public int Id { get; set; }
    /// <summary>The customer organisation (a <see cref="NetworkCustomer"/>).</summary>
    public Guid OrganisationId { get; set; }
    public Guid HubId { get; set; }
    public QuestionSet Set { get; set; }
    public AssessmentWave Wave { get; set; }
    public AssessmentStatus Status { get; set; }
    /// <summary>The answers as JSON: question id to values (see <see cref="MaturityAnswers"/>).</summary>
    public string Answers { get; set; } = "{}";
    public double? Score1 { get; set; }
    public double? Score2 { get; set; }
    public double? Score3 { get; set; }
    public double? Score4 { get; set; }
    public double? Score5 { get; set; }
    public double? Score6 { get; set; }
    public double? Overall { get; set; }
    public MaturityBand? Band { get; set; }
    public Guid? StartedById { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>The last person who saved answers.</summary>
    public Guid? UpdatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? SubmittedById { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public int Version { get; set; }

    public MaturityAnswers ReadAnswers() =>
        JsonSerializer.Deserialize<MaturityAnswers>(string.IsNullOrEmpty(Answers) ? "{}" : Answers) ?? new MaturityAnswers();

    public static string WriteAnswers(IDictionary<string, int[]> answers) => JsonSerializer.Serialize(answers);

    /// <summary>The stored scores of a submitted assessment, in dimension order.</summary>
    public double[]? StoredScores() => Status == AssessmentStatus.Submitted
        ? [Score1 ?? 0, Score2 ?? 0, Score3 ?? 0, Score4 ?? 0, Score5 ?? 0, Score6 ?? 0]
        : null;
}

public sealed class MaturityAssessmentConfiguration : IEntityTypeConfiguration<MaturityAssessment>
{
    public void Configure(EntityTypeBuilder<MaturityAssessment> b)
    {
        b.ToTable("MaturityAssessments");
        // One assessment per customer, hub and wave: T0 once, T1 once.
        b.HasIndex(a => new { a.OrganisationId, a.HubId, a.Wave }).IsUnique();
        b.HasIndex(a => a.HubId);
        b.HasIndex(a => a.StartedById);
        b.HasIndex(a => a.UpdatedById);
        b.HasIndex(a => a.SubmittedById);
        b.HasOne<NetworkCustomer>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Hub>().WithMany().HasForeignKey(a => a.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(a => a.StartedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(a => a.UpdatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(a => a.SubmittedById).OnDelete(DeleteBehavior.SetNull);
        b.Property(a => a.Set).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.Wave).HasConversion<string>().HasMaxLength(4);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(a => a.Band).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Answers).HasMaxLength(20000).IsRequired();
        b.Property(a => a.Version).IsConcurrencyToken();
    }
}
