import Foundation

/// Measures each block: length, words, stopwords, sentences, links, case, punctuation, markup.
///
/// These are the block's own features; `ContextFeatures` adds what its neighbours look like.
struct FeatureExtractor {
    static let names: [String] = [
        "chars_log", "words_log", "sentences", "avg_word_len", "stop_density", "link_density", "links",
        "ends_sentence", "starts_upper", "cap_ratio", "digit_ratio", "punct_ratio", "upper_ratio",
        "is_heading", "heading_level", "is_list", "is_quote", "is_table", "emphasized", "images_before",
        "images", "urls", "indent", "separators", "repeats", "gap_before", "comma_per_word", "ends_question",
        "words_per_sentence",
    ] + RuleCategories.known.map { "rule_" + $0 }

    let counter: WordCounter

    func stats(_ block: Block, stopwords: StopwordSet) -> BlockStats {
        var s = BlockStats()
        let counts = counter.count(block.text, stopwords: stopwords)
        s.words = counts.words
        s.stopwords = counts.stopwords
        s.letters = counts.letters
        s.letterWords = counts.letterWords
        s.capitalized = counts.capitalized
        s.sentences = counts.sentences
        s.bytes = block.text.utf8.count
        var ascii = true
        block.text.withBytes { bytes in
            for b in bytes {
                if b >= 0x80 { ascii = false }
                if b & 0xC0 != 0x80 { s.characters += 1 }
                switch b {
                case 0x30...0x39: s.digits += 1
                case 0x41...0x5A: s.uppercase += 1
                case 0x2C: s.commas += 1; s.punctuation += 1
                case 0x7C, 0x2F, 0x3E: s.separators += 1; s.punctuation += 1
                case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: s.punctuation += 1
                default: break
                }
            }
        }
        // Non-ASCII separators: · • » › ｜ (and uppercase beyond ASCII)
        for scalar in block.text.unicodeScalars where !ascii && scalar.value >= 0x80 {
            switch scalar.value {
            case 0xB7, 0x2022, 0xBB, 0x203A, 0xFF5C, 0x2192: s.separators += 1
            default:
                if counter.cases.isUppercase(scalar) { s.uppercase += 1 }
            }
        }
        s.endsSentence = Repairer.endsSentence(block.text)
        s.endsQuestion = block.text.hasSuffix("?") || block.text.hasSuffix("\u{FF1F}")
        if let first = block.text.unicodeScalars.first {
            s.startsUpper = first.properties.isUppercase || first.properties.isAlphabetic && !first.properties.isLowercase
        }
        s.linkDensity = s.bytes == 0 ? 0 : min(1, Double(block.linkBytes) / Double(s.bytes))
        return s
    }

    /// Writes a block's own features (`names` order) to `f`; `ruleCategories` has bit k set
    /// when a rule of `RuleCategories.known[k]` matched the block.
    func writeFeatures(_ block: Block, _ s: BlockStats, repeats: Int, ruleCategories: UInt64, into f: UnsafeMutablePointer<Double>) {
        let chars = Double(max(1, s.characters))
        let words = Double(max(1, s.words))
        var k = 0
        func put(_ value: Double) {
            f[k] = value
            k += 1
        }
        put(log1p(Double(s.characters)))
        put(log1p(Double(s.words)))
        put(Double(min(s.sentences, 30)))
        put(s.letterWords == 0 ? 0 : Double(s.letters) / Double(s.letterWords))
        put(s.stopwordDensity)
        put(s.linkDensity)
        put(Double(min(block.links, 30)))
        put(s.endsSentence ? 1 : 0)
        put(s.startsUpper ? 1 : 0)
        put(s.letterWords == 0 ? 0 : Double(s.capitalized) / Double(s.letterWords))
        put(Double(s.digits) / chars)
        put(Double(s.punctuation) / chars)
        put(s.letters == 0 ? 0 : Double(s.uppercase) / Double(max(1, s.letters)))
        put(block.kind == .heading ? 1 : 0)
        put(Double(block.level * (block.kind == .heading ? 1 : 0)))
        put(block.kind == .listItem ? 1 : 0)
        put(block.kind == .quote ? 1 : 0)
        put(block.kind == .tableRow ? 1 : 0)
        put(block.emphasized ? 1 : 0)
        put(Double(min(block.imagesBefore, 3)))
        put(Double(min(block.images, 3)))
        put(Double(min(block.urls, 5)))
        put(Double(min(block.indent, 40)))
        put(Double(min(s.separators, 20)))
        put(Double(min(repeats, 5)))
        put(block.gapBefore ? 1 : 0)
        put(Double(s.commas) / words)
        put(s.endsQuestion ? 1 : 0)
        put(Double(s.words) / Double(max(1, s.sentences)))
        for c in 0..<RuleCategories.known.count { put(ruleCategories >> UInt64(c) & 1 != 0 ? 1 : 0) }
    }
}
