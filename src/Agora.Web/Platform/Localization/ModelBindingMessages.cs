using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Platform.Localization;

/// <summary>Model binding errors ("The value 'x' is not valid") in the person's language.</summary>
public static class ModelBindingMessages
{
    public static void Localize(DefaultModelBindingMessageProvider p, IStringLocalizerFactory factory)
    {
        var t = factory.Create(typeof(SharedResource));
        p.SetAttemptedValueIsInvalidAccessor((_, _) => t["Validation.Invalid"]);
        p.SetMissingBindRequiredValueAccessor(_ => t["Validation.Required"]);
        p.SetMissingKeyOrValueAccessor(() => t["Validation.Required"]);
        p.SetMissingRequestBodyRequiredValueAccessor(() => t["Validation.Required"]);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.Invalid"]);
        p.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.Number"]);
        p.SetUnknownValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
        p.SetValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
        p.SetValueMustBeANumberAccessor(_ => t["Validation.Number"]);
        p.SetValueMustNotBeNullAccessor(_ => t["Validation.Required"]);
    }
}
