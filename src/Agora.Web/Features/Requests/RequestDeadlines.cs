namespace Agora.Web.Features.Requests;

/// <summary>
/// The dates a request runs on. Months are calendar months and end on the same day of the month, or on the month's
/// last day when it has no such day (30 November + 3 months = 28 or 29 February), as deadlines "in months" are read.
/// </summary>
public static class RequestDeadlines
{
    /// <summary>A returned request should be completed within four weeks.</summary>
    public const int CompletionDays = 28;
    /// <summary>A decision deadline may be extended once, by up to three months (EHDS Art. 68).</summary>
    public const int MaxExtensionMonths = 3;
    /// <summary>Reminders go this many days before a decision deadline.</summary>
    public static readonly int[] ReminderDays = [14, 3];

    public static DateOnly CompletionDue(DateOnly returnedOn) => returnedOn.AddDays(CompletionDays);

    /// <summary>The decision deadline: <paramref name="months"/> calendar months after the day the request was found complete.</summary>
    public static DateOnly DecisionDue(DateOnly completeOn, int months) => completeOn.AddMonths(months);

    /// <summary>The deadline after its extension by <paramref name="months"/> (1–3) calendar months, counted from the original deadline.</summary>
    public static DateOnly Extended(DateOnly originalDue, int months) =>
        months is < 1 or > MaxExtensionMonths ? throw new ArgumentOutOfRangeException(nameof(months)) : originalDue.AddMonths(months);

    /// <summary>Days left until <paramref name="due"/> (negative when past).</summary>
    public static int DaysLeft(DateOnly due, DateOnly today) => due.DayNumber - today.DayNumber;

    public static bool IsOpen(RequestState state) => state is RequestState.Submitted or RequestState.Returned or RequestState.InReview;

    /// <summary>Waiting for the hub past its decision deadline.</summary>
    public static bool IsOverdue(RequestState state, DateOnly? due, DateOnly today) => state == RequestState.InReview && due is { } d && today > d;
}
