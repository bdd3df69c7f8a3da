/// Counted facts about one block, from which the features are derived.
struct BlockStats {
    var characters = 0
    var bytes = 0
    var words = 0
    var stopwords = 0
    var letters = 0
    var letterWords = 0
    var capitalized = 0
    var sentences = 0
    var digits = 0
    var uppercase = 0
    var punctuation = 0
    var commas = 0
    var separators = 0
    var endsSentence = false
    var startsUpper = false
    var endsQuestion = false
    var linkDensity = 0.0

    var stopwordDensity: Double { words == 0 ? 0 : Double(stopwords) / Double(words) }

    /// Reads as running prose: long enough, full of function words, not a link list.
    func isProse(minWords: Int, minStopwordDensity: Double) -> Bool {
        words >= minWords && stopwordDensity >= minStopwordDensity && linkDensity < 0.35
    }
}
