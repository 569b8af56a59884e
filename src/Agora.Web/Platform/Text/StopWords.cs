using System.Collections.Frozen;

namespace Agora.Web.Platform.Text;

/// <summary>
/// The most common function words of each language, trimmed from the Snowball project's stop lists
/// (https://snowballstem.org/algorithms/). They carry no meaning for search, and leaving them out of the index
/// keeps "the hospital" from matching every idea that says "the".
/// </summary>
internal static class StopWords
{
    public static readonly FrozenSet<string> English = Build(
        // pronouns and determiners
        "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves",
        "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their",
        "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these", "those", "an", "the",
        // be, have, do and the unambiguous auxiliaries (Snowball keeps will, can, may, must: they are also nouns)
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did",
        "doing", "would", "should", "could", "ought",
        // what is left of contractions once the apostrophe splits them: don't → don + t, we're → we + re
        "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "hasn", "hadn", "wouldn", "shouldn", "couldn", "mustn",
        "shan", "cannot", "re", "ve", "ll",
        // conjunctions, prepositions, adverbs
        "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about", "against",
        "between", "into", "through", "during", "before", "after", "above", "below", "to", "from", "up", "down", "in",
        "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when", "where", "why",
        "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not", "only",
        "own", "same", "so", "than", "too", "very");

    public static readonly FrozenSet<string> Portuguese = Build(
        // articles, prepositions and their contractions
        "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas", "num", "numa", "um", "uma", "os", "as", "ao",
        "aos", "às", "para", "com", "por", "pelo", "pela", "pelos", "pelas", "sem", "entre", "até", "depois",
        // conjunctions and adverbs
        "que", "não", "se", "mais", "como", "mas", "ou", "quando", "muito", "já", "também", "só", "nem", "mesmo",
        // pronouns and possessives
        "eu", "tu", "ele", "ela", "nós", "vós", "eles", "elas", "você", "vocês", "me", "te", "lhe", "lhes", "vos",
        "seu", "sua", "seus", "suas", "meu", "minha", "meus", "minhas", "teu", "tua", "teus", "tuas", "nosso", "nossa",
        "nossos", "nossas", "dele", "dela", "deles", "delas", "quem", "qual",
        // demonstratives
        "esse", "essa", "esses", "essas", "este", "esta", "estes", "estas", "isso", "isto", "aquele", "aquela",
        "aqueles", "aquelas", "aquilo",
        // ser, estar, ter, haver
        "é", "são", "ser", "sou", "somos", "era", "eram", "foi", "foram", "fosse", "seja", "sejam", "será", "serão",
        "está", "estão", "estou", "estamos", "estava", "estavam", "esteve", "estar",
        "tem", "têm", "ter", "tenho", "temos", "tinha", "tinham", "teve", "há", "havia", "houve");

    public static readonly FrozenSet<string> Norwegian = Build(
        // Bokmål words of the Snowball list (its Nynorsk-only words left out)
        "og", "jeg", "det", "at", "en", "et", "den", "til", "er", "som", "på", "de", "med", "han", "av", "ikke", "der",
        "så", "var", "meg", "seg", "men", "ett", "har", "om", "vi", "min", "mitt", "ha", "hadde", "hun", "nå", "over",
        "da", "ved", "fra", "du", "ut", "sin", "dem", "oss", "opp", "man", "kan", "hans", "hvor", "eller", "hva", "skal",
        "selv", "sjøl", "her", "alle", "vil", "bli", "ble", "blitt", "kunne", "inn", "når", "være", "kom", "noen", "noe",
        "ville", "dere", "deres", "kun", "ja", "etter", "ned", "skulle", "denne", "for", "deg", "si", "sine", "sitt",
        "mot", "meget", "hvorfor", "dette", "disse", "uten", "hvordan", "ingen", "din", "ditt", "blir", "samme",
        "hvilken", "hvilke", "sånn", "inni", "mellom", "vår", "hver", "hvem", "vors", "hvis", "både", "bare", "enn",
        "fordi", "før", "mange", "også", "slik", "vært", "begge", "siden", "henne", "hennar", "hennes");

    public static FrozenSet<string> For(TextLanguage language) => language switch
    {
        TextLanguage.Portuguese => Portuguese,
        TextLanguage.Norwegian => Norwegian,
        _ => English,
    };

    // Each word also without its accents, for people who type "nao" or "voce".
    private static FrozenSet<string> Build(params string[] words) =>
        words.Concat(words.Select(Diacritics.Fold)).ToFrozenSet(StringComparer.Ordinal);
}
