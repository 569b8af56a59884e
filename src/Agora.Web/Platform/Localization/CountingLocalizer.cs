using Microsoft.Extensions.Localization;

namespace Agora.Web.Platform.Localization;

/// <summary>
/// The shared localizer with one grammatical rule added: when a text's first argument is the number 1 and a
/// "{key}.One" text exists, that one is used ("1 vote", not "1 votes"). English, Portuguese and Norwegian
/// all have exactly two forms for counts, singular for one and plural otherwise (Portuguese also writes 0 in plural).
/// </summary>
public sealed class CountingLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(SharedResource));

    public LocalizedString this[string name] => _inner[name];

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            if (arguments.Length > 0 && arguments[0] is 1 or 1L)
            {
                var one = _inner[name + ".One", arguments];
                if (!one.ResourceNotFound) return new LocalizedString(name, one.Value, false, one.SearchedLocation);
            }
            return _inner[name, arguments];
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);
}
