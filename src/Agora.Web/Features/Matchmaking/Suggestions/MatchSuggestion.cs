using Agora.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Matchmaking.Suggestions;

/// <summary>
/// A counterpart suggested for an item (a partnering profile, a customer's need, a catalogue service), as the last
/// background computation left it: the item and the counterpart by their matcher keys ("profile:12", "need:5",
/// "service:3", "organisation:{guid}"), the reciprocal score, both directions, the rank and the reasons as JSON.
/// </summary>
public sealed class MatchSuggestion
{
    public long Id { get; set; }
    public string ForKey { get; set; } = "";
    public string CounterpartKey { get; set; } = "";
    /// <summary>1 for the best counterpart.</summary>
    public int Rank { get; set; }
    public double Score { get; set; }
    public double Forward { get; set; }
    public double Backward { get; set; }
    /// <summary>The matcher's reasons (<see cref="Matching.MatchReason"/>) as JSON; words are made when shown, in the reader's language.</summary>
    public string Reasons { get; set; } = "[]";
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>When the suggestions were last computed, and from what (a stamp of the sources' changes).</summary>
public sealed class MatchSuggestionRun
{
    /// <summary>Always 1: one row.</summary>
    public int Id { get; set; }
    public string SourceStamp { get; set; } = "";
    public DateTimeOffset ComputedAt { get; set; }
    public int Items { get; set; }
    public int Suggestions { get; set; }
    public int ElapsedMilliseconds { get; set; }
}

public enum SuggestionVerdict
{
    Useful,
    Dismissed,
}

/// <summary>A person's verdict on one suggestion: useful, or dismissed (then no longer shown to them).</summary>
public sealed class MatchFeedback
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public string ForKey { get; set; } = "";
    public string CounterpartKey { get; set; } = "";
    public SuggestionVerdict Verdict { get; set; }
    /// <summary>The score and rank the suggestion had when the verdict was given (for the report).</summary>
    public double Score { get; set; }
    public int Rank { get; set; }
    public DateTimeOffset At { get; set; }
}

public sealed class MatchSuggestionConfiguration : IEntityTypeConfiguration<MatchSuggestion>
{
    public void Configure(EntityTypeBuilder<MatchSuggestion> b)
    {
        b.ToTable("MatchSuggestions");
        b.HasIndex(s => new { s.ForKey, s.Rank });
        b.HasIndex(s => s.CounterpartKey);
        b.Property(s => s.ForKey).HasMaxLength(60).IsRequired();
        b.Property(s => s.CounterpartKey).HasMaxLength(60).IsRequired();
        b.Property(s => s.Reasons).HasMaxLength(8000).IsRequired();
    }
}

public sealed class MatchSuggestionRunConfiguration : IEntityTypeConfiguration<MatchSuggestionRun>
{
    public void Configure(EntityTypeBuilder<MatchSuggestionRun> b)
    {
        b.ToTable("MatchSuggestionRuns");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.SourceStamp).HasMaxLength(400).IsRequired();
    }
}

public sealed class MatchFeedbackConfiguration : IEntityTypeConfiguration<MatchFeedback>
{
    public void Configure(EntityTypeBuilder<MatchFeedback> b)
    {
        b.ToTable("MatchFeedback");
        b.HasIndex(f => new { f.PersonId, f.ForKey, f.CounterpartKey }).IsUnique();
        b.HasIndex(f => f.ForKey);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.ForKey).HasMaxLength(60).IsRequired();
        b.Property(f => f.CounterpartKey).HasMaxLength(60).IsRequired();
        b.Property(f => f.Verdict).HasConversion<string>().HasMaxLength(12);
    }
}
