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

    func features(_ block: Block, _ s: BlockStats, repeats: Int, ruleCategories: Set<Int>) -> [Double] {
        let chars = Double(max(1, s.characters))
        let words = Double(max(1, s.words))
        var f: [Double] = [
            log1p(Double(s.characters)), log1p(Double(s.words)), Double(min(s.sentences, 30)),
            s.letterWords == 0 ? 0 : Double(s.letters) / Double(s.letterWords),
            s.stopwordDensity, s.linkDensity, Double(min(block.links, 30)),
            s.endsSentence ? 1 : 0, s.startsUpper ? 1 : 0,
            s.letterWords == 0 ? 0 : Double(s.capitalized) / Double(s.letterWords),
            Double(s.digits) / chars, Double(s.punctuation) / chars,
            s.letters == 0 ? 0 : Double(s.uppercase) / Double(max(1, s.letters)),
            block.kind == .heading ? 1 : 0, Double(block.level * (block.kind == .heading ? 1 : 0)),
            block.kind == .listItem ? 1 : 0, block.kind == .quote ? 1 : 0, block.kind == .tableRow ? 1 : 0,
            block.emphasized ? 1 : 0, Double(min(block.imagesBefore, 3)), Double(min(block.images, 3)),
            Double(min(block.urls, 5)), Double(min(block.indent, 40)), Double(min(s.separators, 20)),
            Double(min(repeats, 5)), block.gapBefore ? 1 : 0, Double(s.commas) / words,
            s.endsQuestion ? 1 : 0, Double(s.words) / Double(max(1, s.sentences)),
        ]
        for k in 0..<RuleCategories.known.count { f.append(ruleCategories.contains(k) ? 1 : 0) }
        return f
    }
}
