using Agora.Web.Platform.Http;
namespace Agora.Web.Features.Events.Pages;

/// <summary>The event form as the pages bind it (times as the hub's wall-clock values).</summary>
public sealed class EventForm
{
    public EventFormat? Format { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public bool AllDay { get; set; }
    public EventMode? Mode { get; set; }
    public string? Address { get; set; }
    public string? Room { get; set; }
    public string? Accessibility { get; set; }
    public string? OnlineLink { get; set; }
    public List<string> Languages { get; set; } = [];
    public EventAudience? Audience { get; set; }
    public bool RequiresApproval { get; set; }
    public DateTime? RegistrationDeadline { get; set; }
    public DateTime? CancellationCutoff { get; set; }
    public int? OfferHours { get; set; } = 48;

    public EventInput ToInput() => new(Format, Title, Summary, Description, StartsAt, EndsAt, AllDay, Mode, Address, Room, Accessibility, OnlineLink,
        string.Join(',', Languages), Audience, RequiresApproval, RegistrationDeadline, CancellationCutoff, OfferHours);

    public static EventForm From(EventDetail e)
    {
        var zone = ZonedTime.Find(e.TimeZone);
        return new EventForm
        {
            Format = e.Format, Title = e.Title, Summary = e.Summary, Description = e.Description,
            StartsAt = ZonedTime.ToLocal(e.StartsAt, zone), EndsAt = e.AllDay ? ZonedTime.ToLocal(e.EndsAt, zone).AddDays(-1) : ZonedTime.ToLocal(e.EndsAt, zone),
            AllDay = e.AllDay, Mode = e.Mode, Address = e.Address, Room = e.Room, Accessibility = e.Accessibility, OnlineLink = e.OnlineLink,
            Languages = e.Languages.ToList(), Audience = e.Audience, RequiresApproval = e.RequiresApproval,
            RegistrationDeadline = e.RegistrationDeadline is { } d ? ZonedTime.ToLocal(d, zone) : null,
            CancellationCutoff = e.CancellationCutoff is { } c ? ZonedTime.ToLocal(c, zone) : null, OfferHours = e.OfferHours,
        };
    }
}
