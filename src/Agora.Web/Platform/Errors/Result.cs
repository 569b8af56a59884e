namespace Agora.Web.Platform.Errors;

public enum Outcome
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
    /// <summary>The person made too many of these lately (429, with when to try again).</summary>
    TooMany,
}

/// <summary>What a use case answers: a value, field errors, or why it was refused.</summary>
public sealed class Result<T>
{
    public Outcome Outcome { get; private init; }
    public T? Value { get; private init; }
    /// <summary>Field name (as in the request) to messages in the person's language.</summary>
    public IDictionary<string, string[]> Errors { get; private init; } = new Dictionary<string, string[]>();

    /// <summary>With <see cref="Outcome.TooMany"/>: how long to wait before trying again.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    public bool IsOk => Outcome == Outcome.Ok;

    public static Result<T> Ok(T value) => new() { Outcome = Outcome.Ok, Value = value };
    public static Result<T> Invalid(IDictionary<string, string[]> errors) => new() { Outcome = Outcome.Invalid, Errors = errors };
    public static Result<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
    public static Result<T> NotFound() => new() { Outcome = Outcome.NotFound };
    public static Result<T> Forbidden() => new() { Outcome = Outcome.Forbidden };
    public static Result<T> Conflict(string field, string message) =>
        new() { Outcome = Outcome.Conflict, Errors = new Dictionary<string, string[]> { [field] = [message] } };

    /// <summary>Too many lately: the message goes to the page's summary (field "") and to the problem's detail.</summary>
    public static Result<T> TooMany(TimeSpan retryAfter, string message) =>
        new() { Outcome = Outcome.TooMany, RetryAfter = retryAfter, Errors = new Dictionary<string, string[]> { [""] = [message] } };

    /// <summary>The same outcome and errors with the value mapped (when there is one).</summary>
    public Result<TOut> Select<TOut>(Func<T, TOut> map) =>
        Outcome == Outcome.Ok ? Result<TOut>.Ok(map(Value!)) : new Result<TOut> { Outcome = Outcome, Errors = Errors, RetryAfter = RetryAfter };
}
