namespace Agora.Web.Platform.Text;

/// <summary>Reduces one lower-case word to its stem. Implementations are stateless and thread-safe.</summary>
public interface IStemmer
{
    /// <summary>
    /// The stem of <paramref name="lowerCaseWord"/>, which must already be lower case (and, for accented
    /// letters, NFC). Returns the same instance when nothing is removed, so unchanged words cost no allocation.
    /// </summary>
    string Stem(string lowerCaseWord);
}
