import ICUKit

/// Counts words, stopwords and sentences in a block with ICU's break iterators.
///
/// Pure-ASCII text takes an exact fast path that follows the same Unicode word-boundary rules
/// (UAX #29) for ASCII, and other alphabetic text (Latin, Greek, Cyrillic) a table-driven one
/// (`WordClasses`); tests compare both with ICU. Everything else goes to ICU, with dictionary
/// segmentation for Chinese, Japanese and Thai.
final class WordCounter {
    struct Counts {
        var words = 0
        var stopwords = 0
        var letters = 0
        var capitalized = 0
        var letterWords = 0
        var sentences = 0
        /// Every word ready for stoplist lookups, when requested (language identification).
        var probes: [StopwordSet.Probe] = []
    }

    private let words: WordBreaker
    private let sentences: SentenceBreaker
    /// Case lookups for this counter's thread (also used by the feature extractor and the
    /// engine's rule matcher).
    let cases = CaseTable()
    /// Sentence_Break classes for text beyond ASCII (one table per thread, like `cases`).
    private let sentenceClasses = SentenceClasses()
    /// Word_Break classes for alphabetic text beyond ASCII (one table per thread).
    let wordClasses = WordClasses()
    /// Scratch for lowercasing one word.
    private var lowered: [UInt8] = []

    init(locale: String = "") throws(HuskError) {
        do {
            words = try WordBreaker(locale: locale)
            sentences = try SentenceBreaker(locale: locale)
        } catch {
            throw .icu(error.name)
        }
    }

    func count(_ text: String, stopwords: StopwordSet, keepProbes: Bool = false) -> Counts {
        var counts = Counts()
        text.withBytes { buffer in
            let fast = Self.isTypographicASCII(buffer)
            if fast {
                Self.asciiWords(buffer) { range, isLetterWord, isASCII in
                    if isASCII {
                        self.tallyASCII(buffer, range, isLetterWord: isLetterWord, stopwords, &counts, keepProbes)
                    } else {
                        self.tally(buffer, range, isLetterWord: isLetterWord, stopwords, &counts, keepProbes)
                    }
                }
            } else if !wordClasses.words(buffer, { range, isLetterWord in
                self.tally(buffer, range, isLetterWord: isLetterWord, stopwords, &counts, keepProbes)
            }) {
                words.forEachSegment(in: buffer) { range, kind in
                    guard kind != .none else { return }
                    self.tally(buffer, range, isLetterWord: kind != .number, stopwords, &counts, keepProbes)
                }
            }
            counts.sentences = fast ? ASCIISentences.count(buffer) : sentenceClasses.count(buffer) ?? sentenceCount(buffer)
        }
        return counts
    }

    /// `tally` of a word known to be ASCII (the fast path's words without a typographic
    /// apostrophe): no scan for other bytes first.
    @inline(__always)
    private func tallyASCII(
        _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isLetterWord: Bool, _ stopwords: StopwordSet,
        _ counts: inout Counts, _ keepProbes: Bool
    ) {
        counts.words += 1
        if isLetterWord {
            counts.letterWords += 1
            counts.letters += range.count
        }
        let first = buffer[range.lowerBound]
        if first >= 0x41 && first <= 0x5A { counts.capitalized += 1 }
        let probe = StopwordSet.Probe(asciiWord: UnsafeBufferPointer(rebasing: buffer[range]))
        if stopwords.contains(probe) { counts.stopwords += 1 }
        if keepProbes { counts.probes.append(probe) }
    }

    private func tally(
        _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isLetterWord: Bool, _ stopwords: StopwordSet,
        _ counts: inout Counts, _ keepProbes: Bool
    ) {
        counts.words += 1
        let slice = UnsafeBufferPointer(rebasing: buffer[range])
        let first = slice[0]
        if isLetterWord {
            counts.letterWords += 1
            counts.letters += range.count
        }
        var ascii = true
        for b in slice where b >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            if first >= 0x41 && first <= 0x5A { counts.capitalized += 1 }
            // Probes fold ASCII capitals themselves: no lowercased copy.
            let probe = StopwordSet.Probe(asciiWord: slice)
            if stopwords.contains(probe) { counts.stopwords += 1 }
            if keepProbes { counts.probes.append(probe) }
            return
        }
        if Self.isUncased(slice) {
            // Kana and CJK ideographs have no case: the word is its own lowercase form.
            if stopwords.contains(StopwordSet.Probe(lowercasedBytes: slice)) || stopwords.hasFunctionAffix(word: slice) {
                counts.stopwords += 1
            }
            if keepProbes { counts.probes.append(StopwordSet.Probe(lowercasedBytes: slice)) }
            return
        }
        if let scalar = Self.firstScalar(slice), cases.isUppercase(scalar) { counts.capitalized += 1 }
        lowered.removeAll(keepingCapacity: true)
        cases.appendLowercased(bytes: slice, to: &lowered)
        if lowered.contains(0xE2) { Self.replaceApostrophes(&lowered) }
        if stopwords.contains(lowercasedBytes: lowered) || stopwords.hasFunctionAffix(bytes: lowered) { counts.stopwords += 1 }
        if keepProbes { counts.probes.append(StopwordSet.Probe(lowercasedBytes: lowered)) }
    }

    /// Whether a word is all U+3000-U+9FFF (kana, CJK ideographs and their punctuation), which
    /// have no case.
    static func isUncased(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            guard b[i] >= 0xE3 && b[i] <= 0xE9 else { return false }
            i += 3
        }
        return true
    }

    /// The first scalar of valid UTF-8 bytes.
    static func firstScalar(_ b: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard !b.isEmpty, let (value, _) = UTF8Bytes.scalar(in: b, at: 0) else { return nil }
        return Unicode.Scalar(value)
    }

    /// Sentences by ICU's iterator, for text the ASCII path does not take.
    private func sentenceCount(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        sentences.forEachBoundary(in: buffer) { _ in n += 1 }
        return n
    }

    /// ASCII letters, plus `@`, which ICU's word rules treat as a letter (emails and handles stay whole).
    static func isLetterByte(_ b: UInt8) -> Bool { isLetter(b) }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x40 }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// ASCII text whose only other characters are typographic quotes and dashes (’ ‘ “ ” – —
    /// …), as most English text is: `asciiWords` splits it exactly as ICU does, since those
    /// characters are either MidNumLet (’ ‘, handled like `.`) or break like ASCII punctuation.
    static func isTypographicASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            if i &+ 8 <= n, UTF8Bytes.word(b, at: i) & 0x8080_8080_8080_8080 == 0 {
                i &+= 8
                continue
            }
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            guard c == 0xE2, i + 2 < n, b[i + 1] == 0x80 else { return false }
            switch b[i + 2] {
            case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6: i += 3
            default: return false
            }
        }
        return true
    }

    /// Word tokens of ASCII text by the UAX #29 rules ICU applies to ASCII: letters and digits
    /// join (WB9-10), `'` and `.` join letters (WB6-7) and `.` `,` `;` `'` join digits (WB11-12),
    /// `_` joins anything (WB13). Ranges containing no letter or digit are not words; ICU 72
    /// counts `@` as a letter. Typographic single quotes (’ ‘, three bytes) are MidNumLet and
    /// join like `.`; every other byte of 0x80 and above ends a word (see `isTypographicASCII`).
    ///
    /// `body` also learns whether ICU calls the word a letter word (else a number: the status
    /// of its last letter or digit: "2nd" letters, "Checkout51" a number; except that a word
    /// ending in two or more underscores is a letter word, as ICU's rule for consecutive
    /// underscores sets it) and whether it is all ASCII (no typographic apostrophe inside),
    /// both tracked during the scan.
    static func asciiWords(_ b: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, _ isLetterWord: Bool, _ isASCII: Bool) -> Void) {
        wordByteClasses.withUnsafeBufferPointer { kind in
            @inline(__always) func letter(_ x: UInt8) -> Bool { kind[Int(x)] & 1 != 0 }
            @inline(__always) func digit(_ x: UInt8) -> Bool { kind[Int(x)] & 2 != 0 }
            let n = b.count
            var i = 0
            while i < n {
                guard kind[Int(b[i])] != 0 else {
                    i += 1
                    continue
                }
                let start = i
                var hasAlnum = false
                var lastIsLetter = true
                var isASCII = true
                while i < n {
                    // A run of letters and digits first, in a loop of its own: most bytes of a
                    // word are, and the loop does nothing else per byte.
                    let run = i
                    while i < n && kind[Int(b[i])] & 3 != 0 { i &+= 1 }
                    if i > run {
                        hasAlnum = true
                        lastIsLetter = kind[Int(b[i &- 1])] & 1 != 0
                        if i == n { break }
                    }
                    let x = b[i]
                    let k = kind[Int(x)]
                    if k == 4 {
                        i += 1
                    } else if x == 0xE2, i > start, i + 3 < n, b[i + 1] == 0x80, b[i + 2] == 0x98 || b[i + 2] == 0x99 {
                        let prev = b[i - 1]
                        let next = b[i + 3]
                        if letter(prev) && letter(next) || digit(prev) && digit(next) {
                            i += 3
                            isASCII = false
                        } else {
                            break
                        }
                    } else if i + 1 < n, i > start, x < 0x80 {
                        let prev = b[i - 1]
                        let next = b[i + 1]
                        let letters = letter(prev) && letter(next) && (x == 0x27 || x == 0x2E)
                        let digits = digit(prev) && digit(next) && (x == 0x2E || x == 0x2C || x == 0x3B || x == 0x27)
                        if letters || digits { i += 1 } else { break }
                    } else {
                        break
                    }
                }
                // ICU counts a run of two or more underscores as a word too (a single one is not).
                guard hasAlnum || i - start >= 2 else { continue }
                // A word ending in two underscores is a letter word.
                let underscores = i - start >= 2 && b[i - 1] == 0x5F && b[i - 2] == 0x5F
                body(start..<i, underscores || lastIsLetter, isASCII)
            }
        }
    }

    /// Per byte: 1 a letter for `asciiWords` (ASCII letters and `@`), 2 a digit, 4 `_`.
    static let wordByteClasses: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        let x = UInt8(b)
        return isLetter(x) ? 1 : isDigit(x) ? 2 : x == 0x5F ? 4 : 0
    }
}

extension WordCounter {
    /// Typographic apostrophes (U+2019, E2 80 99) as ASCII ones, the form stoplists use.
    static func replaceApostrophes(_ bytes: inout [UInt8]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                out.append(0x27)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        bytes = out
    }
}
