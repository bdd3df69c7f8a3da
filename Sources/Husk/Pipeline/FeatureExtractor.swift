#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The block's statistics. `counted` is the block's word counts with their probes when
    /// language identification already counted it: only the stopwords are then looked up again
    /// (a stoplist with attached morphemes needs the words themselves, so it counts anew).
    func stats(_ block: borrowing Block, stopwords: StopwordSet, counted: WordCounter.Counts? = nil) -> BlockStats {
        stats(text: block.text, linkBytes: block.linkBytes, stopwords: stopwords, counted: counted)
    }

    /// `stats` from the two fields it reads: a `Block` passed as an argument is copied first
    /// (a retain and release of each of its fields), even when the parameter is borrowed.
    func stats(text: String, linkBytes: Int, stopwords: StopwordSet, counted: WordCounter.Counts? = nil) -> BlockStats {
        var s = BlockStats()
        let counts: WordCounter.Counts
        if var known = counted, !stopwords.hasAffixes {
            known.stopwords = known.probes.reduce(0) { $0 + (stopwords.contains($1) ? 1 : 0) }
            counts = known
        } else {
            counts = counter.count(text, stopwords: stopwords)
        }
        s.words = counts.words
        s.stopwords = counts.stopwords
        s.letters = counts.letters
        s.letterWords = counts.letterWords
        s.capitalized = counts.capitalized
        s.sentences = counts.sentences
        s.bytes = text.utf8.count
        var ascii = true
        var lastASCII: UInt8? = nil
        text.withBytes { bytes in
            Self.byteCounts.withUnsafeBufferPointer { increments in
                // Six counters packed in ten-bit fields of one integer: one table load and one
                // add per byte. A field holds 1023, so the sums are flushed every 1023 bytes.
                var continuation = 0
                var digits = 0
                var uppercase = 0
                var commas = 0
                var separators = 0
                var punctuation = 0
                var high: UInt8 = 0
                var i = 0
                let n = bytes.count
                while i < n {
                    let end = min(n, i &+ 1023)
                    var packed: UInt64 = 0
                    while i < end {
                        let b = bytes[i]
                        packed &+= increments[Int(b)]
                        high |= b
                        i &+= 1
                    }
                    digits &+= Int(packed & 0x3FF)
                    uppercase &+= Int(packed >> 10 & 0x3FF)
                    commas &+= Int(packed >> 20 & 0x3FF)
                    separators &+= Int(packed >> 30 & 0x3FF)
                    punctuation &+= Int(packed >> 40 & 0x3FF)
                    continuation &+= Int(packed >> 50 & 0x3FF)
                }
                ascii = high < 0x80
                s.characters = bytes.count - continuation
                s.digits = digits
                s.uppercase = uppercase
                s.commas = commas
                s.separators = separators
                s.punctuation = punctuation
            }
            s.endsQuestion = bytes.last == 0x3F
                || bytes.count >= 3 && bytes[bytes.count - 3] == 0xEF && bytes[bytes.count - 2] == 0xBC && bytes[bytes.count - 1] == 0x9F
            lastASCII = bytes.last.flatMap { $0 < 0x80 ? $0 : nil }
            if let first = bytes.first, first < 0x80 { s.startsUpper = first >= 0x41 && first <= 0x5A }
        }
        if !ascii {
            // Non-ASCII separators: · • » › ｜ → (and uppercase beyond ASCII)
            for scalar in text.unicodeScalars where scalar.value >= 0x80 {
                switch scalar.value {
                case 0xB7, 0x2022, 0xBB, 0x203A, 0xFF5C, 0x2192: s.separators += 1
                default:
                    if counter.cases.isUppercase(scalar) { s.uppercase += 1 }
                }
            }
            if let first = text.unicodeScalars.first, first.value >= 0x80 {
                s.startsUpper = first.properties.isUppercase || first.properties.isAlphabetic && !first.properties.isLowercase
            }
        }
        s.endsSentence = Self.endsSentence(text, lastASCII: lastASCII)
        s.linkDensity = s.bytes == 0 ? 0 : min(1, Double(linkBytes) / Double(s.bytes))
        return s
    }

    /// Writes a block's own features (`names` order) to `f`; `ruleCategories` has bit k set
    /// when a rule of `RuleCategories.known[k]` matched the block.
    /// Per byte: 1 digit, 2 ASCII capital, 4 comma, 8 separator (`|` `/` `>`), 16 ASCII
    /// punctuation, 32 UTF-8 continuation byte.
    static let byteClasses: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        switch b {
        case 0x30...0x39: return 1
        case 0x41...0x5A: return 2
        case 0x2C: return 4 | 16
        case 0x7C, 0x2F, 0x3E: return 8 | 16
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return 16
        case 0x80...0xBF: return 32
        default: return 0
        }
    }

    /// `byteClasses` spread for counting: class bit k of a byte becomes a 1 in the ten-bit
    /// field k (bits 10k..<10k+10), so adding a byte's value counts each of its classes.
    static let byteCounts: [UInt64] = byteClasses.map { c in
        (0..<6).reduce(UInt64(0)) { sum, k in sum | UInt64(c >> UInt8(k) & 1) << UInt64(10 * k) }
    }

    /// `Repairer.endsSentence`, decided on the last byte when it is ASCII and not one that
    /// `Repairer` skips over (closing quotes, brackets, emphasis, spaces).
    static func endsSentence(_ text: String, lastASCII: UInt8?) -> Bool {
        guard let last = lastASCII else { return Repairer.endsSentence(text) }
        switch last {
        case 0x22, 0x27, 0x29, 0x5D, 0x2A, 0x5F, 0x20: return Repairer.endsSentence(text)
        case 0x2E, 0x21, 0x3F, 0x3A, 0x3B: return true
        default: return false
        }
    }

    /// The block is read through a pointer: passed by value it would be copied first (a retain
    /// and release of each field) for the sake of a few integers.
    func writeFeatures(_ block: UnsafePointer<Block>, _ s: BlockStats, repeats: Int, ruleCategories: UInt64, into f: UnsafeMutablePointer<Float>) {
        let chars = Double(max(1, s.characters))
        let words = Double(max(1, s.words))
        var k = 0
        func put(_ value: Double) {
            f[k] = Float(value)
            k += 1
        }
        put(SmallLogs.log1pOfCount(s.characters))
        put(SmallLogs.log1pOfCount(s.words))
        put(Double(min(s.sentences, 30)))
        put(s.letterWords == 0 ? 0 : Double(s.letters) / Double(s.letterWords))
        put(s.stopwordDensity)
        put(s.linkDensity)
        put(Double(min(block.pointee.links, 30)))
        put(s.endsSentence ? 1 : 0)
        put(s.startsUpper ? 1 : 0)
        put(s.letterWords == 0 ? 0 : Double(s.capitalized) / Double(s.letterWords))
        put(Double(s.digits) / chars)
        put(Double(s.punctuation) / chars)
        put(s.letters == 0 ? 0 : Double(s.uppercase) / Double(max(1, s.letters)))
        put(block.pointee.kind == .heading ? 1 : 0)
        put(Double(block.pointee.level * (block.pointee.kind == .heading ? 1 : 0)))
        put(block.pointee.kind == .listItem ? 1 : 0)
        put(block.pointee.kind == .quote ? 1 : 0)
        put(block.pointee.kind == .tableRow ? 1 : 0)
        put(block.pointee.emphasized ? 1 : 0)
        put(Double(min(block.pointee.imagesBefore, 3)))
        put(Double(min(block.pointee.images, 3)))
        put(Double(min(block.pointee.urls, 5)))
        put(Double(min(block.pointee.indent, 40)))
        put(Double(min(s.separators, 20)))
        put(Double(min(repeats, 5)))
        put(block.pointee.gapBefore ? 1 : 0)
        put(Double(s.commas) / words)
        put(s.endsQuestion ? 1 : 0)
        put(Double(s.words) / Double(max(1, s.sentences)))
        for c in 0..<RuleCategories.known.count { put(ruleCategories >> UInt64(c) & 1 != 0 ? 1 : 0) }
    }
}
