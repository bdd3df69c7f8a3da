import ICUKit

/// Names the language of a document's body: script first (Unicode script properties via ICU),
/// then stopword evidence to tell apart languages that share a script.
///
/// Judged on the longest blocks, so an English menu around a German article does not decide.
final class LanguageIdentifier {
    /// General Punctuation (typographic quotes, dashes, ellipses: the commonest non-ASCII
    /// characters of Latin text) holds no letters, so it skips the property lookup. A test
    /// checks every scalar of the range.
    static let letterFree: Range<UInt32> = 0x2000..<0x2070

    /// Scalars below this (Latin, Greek, Cyrillic, Armenian: the letters of most pages that
    /// are not ASCII) are looked up in a bit table of the Alphabetic property, built from
    /// the property itself when first needed, instead of asking for it letter by letter.
    static let tabledLetters: UInt32 = 0x0530
    private static let letterBits: [UInt64] = (0..<(Int(tabledLetters) + 63) / 64).map { word in
        (0..<64).reduce(UInt64(0)) { bits, k in
            let value = UInt32(word * 64 + k)
            let alphabetic = value < tabledLetters && Unicode.Scalar(value)?.properties.isAlphabetic == true
            return alphabetic ? bits | 1 << UInt64(k) : bits
        }
    }

    /// Whether a scalar below `tabledLetters` is a letter (Alphabetic).
    static func isTabledLetter(_ value: UInt32) -> Bool {
        letterBits[Int(value >> 6)] >> UInt64(value & 63) & 1 != 0
    }

    struct Guess: Equatable {
        var code: String
        var confidence: Double
    }

    /// Characters sampled from the longest blocks.
    var sampleCharacters = 20_000
    var minConfidence = 0.05
    /// Per candidate group: its languages that have a stoplist and one index over their lists,
    /// built when the group is first weighed (one identifier per engine, so per thread).
    private var indexes: [[String]: (codes: [String], index: StopwordIndex)] = [:]

    private func index(for group: [String], _ stoplists: Stoplists) -> (codes: [String], index: StopwordIndex) {
        if let ready = indexes[group] { return ready }
        let codes = group.filter { stoplists.sets[$0] != nil }
        let made = (codes, StopwordIndex(codes.compactMap { stoplists.sets[$0] }))
        indexes[group] = made
        return made
    }

    /// Word counts of the sampled texts by their index in the last call's `texts` (with every
    /// word's probe), for the caller to reuse: see `takeCounts`.
    private var counts: [Int: WordCounter.Counts] = [:]

    /// The word counts the last `identify` made, by index of its texts, and forgets them.
    func takeCounts() -> [Int: WordCounter.Counts] {
        defer { counts = [:] }
        return counts
    }

    func identify(_ texts: [String], counter: WordCounter, stoplists: Stoplists) -> Guess? {
        counts = [:]
        let order = LargestIndices.of(texts.count, count: 40) { texts[$0].utf8.count }
        // Letters counted by ICU's script number; the numbers are named once at the end.
        var byNumber: [Int: Int] = [:]
        var taken = 0
        var chosen: [Int] = []
        var latin = 0
        var totalLatin = 0
        for index in order where taken < sampleCharacters {
            let text = texts[index]
            chosen.append(index)
            // Read on bytes: ASCII letters are counted without decoding a scalar, a property
            // lookup or a dictionary update.
            text.withBytes { b in
                var i = 0
                while i < b.count {
                    let c = b[i]
                    if c < 0x80 {
                        if (c | 0x20) &- 0x61 < 26 { latin += 1 }
                        i += 1
                        continue
                    }
                    guard let (value, length) = UTF8Bytes.scalar(in: b, at: i) else {
                        i += 1
                        continue
                    }
                    i += length
                    if Self.letterFree.contains(value) { continue }
                    guard let scalar = Unicode.Scalar(value),
                        value < Self.tabledLetters ? Self.isTabledLetter(value) : scalar.properties.isAlphabetic
                    else { continue }
                    taken += 1
                    byNumber[Script.number(of: scalar), default: 0] += 1
                }
            }
            taken += latin
            totalLatin += latin
            latin = 0
        }
        var scripts: [String: Int] = [:]
        for (number, count) in byNumber { scripts[Script.code(ofNumber: number), default: 0] += count }
        if totalLatin > 0 { scripts["Latn", default: 0] += totalLatin }
        // Ties break by script code, never by Dictionary order (which changes between runs).
        guard let (script, count) = scripts.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }),
            count > 0
        else { return nil }
        let share = Double(count) / Double(max(1, taken))
        switch script {
        case "Hani", "Hira", "Kana":
            let kana = (scripts["Hira"] ?? 0) + (scripts["Kana"] ?? 0)
            let han = scripts["Hani"] ?? 0
            return Guess(code: kana * 10 >= kana + han ? "ja" : "zh", confidence: share)
        case "Hang": return Guess(code: "ko", confidence: share)
        case "Thai": return Guess(code: "th", confidence: share)
        case "Arab": return Guess(code: "ar", confidence: share)
        case "Hebr": return Guess(code: "he", confidence: share)
        case "Grek": return Guess(code: "el", confidence: share)
        default: break
        }
        if script == "Cyrl" {
            // Letters only one of the two uses decide between Ukrainian and Russian.
            var ukrainian = 0
            var russian = 0
            for index in chosen {
                for scalar in texts[index].unicodeScalars {
                    switch scalar {
                    case "і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ": ukrainian += 1
                    case "ы", "э", "ъ", "ё", "Ы", "Э", "Ъ", "Ё": russian += 1
                    default: break
                    }
                }
            }
            if ukrainian + russian >= 5 {
                return Guess(code: ukrainian > russian ? "uk" : "ru", confidence: share)
            }
        }
        let candidates = script == "Cyrl" ? Self.cyrillicLanguages : Self.latinLanguages
        var hits: [String: Int] = [:]
        var total = 0
        // One index answers for every candidate's stoplist: each word is looked up once, not
        // once per candidate language.
        let (codes, index) = index(for: candidates, stoplists)
        var found = [Int](repeating: 0, count: codes.count)
        let none = StopwordSet([])
        for position in chosen {
            let counted = counter.count(texts[position], stopwords: none, keepProbes: true)
            // Kept for the caller only for ordinary blocks: an unbroken page's megabyte block
            // would hold a probe per word until its statistics are read.
            if texts[position].utf8.count <= Self.maxReusedBytes { counts[position] = counted }
            total += counted.probes.count
            for probe in counted.probes {
                var lists = index.lists(holding: probe)
                while lists != 0 {
                    found[lists.trailingZeroBitCount] += 1
                    lists &= lists &- 1
                }
            }
        }
        for (k, code) in codes.enumerated() where found[k] > 0 { hits[code] = found[k] }
        guard total > 0, let (best, n) = hits.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key })
        else { return script == "Cyrl" ? Guess(code: "ru", confidence: 0.1) : nil }
        let confidence = Double(n) / Double(total)
        guard confidence >= minConfidence else { return nil }
        return Guess(code: best, confidence: confidence)
    }

    static let cyrillicLanguages = ["ru", "uk"]

    /// The longest text whose word counts are kept for reuse (see `takeCounts`).
    static let maxReusedBytes = 1 << 16

    static let latinLanguages = [
        "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs", "hu", "ro", "tr", "vi", "id",
    ]
}
