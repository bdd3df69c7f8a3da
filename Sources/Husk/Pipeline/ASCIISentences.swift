/// Counts sentences in ASCII text (or ASCII with typographic quotes and dashes) by the Unicode
/// sentence-boundary rules (UAX #29) that ICU's sentence break iterator applies.
///
/// Opening ICU's iterator on each block cost more than the rest of the block's features: ICU
/// rebuilds its break cache for every new text. On these characters the rules reduce to a
/// short scan; a test compares the count with ICU's on random and real text.
enum ASCIISentences {
    /// Sentence_Break classes of the characters this path accepts.
    enum Kind: UInt8 {
        case other, cr, lf, space, lower, upper, oLetter, numeric, aTerm, sTerm, close, sContinue
    }

    /// The class of the character starting at `b[i]` and its length in bytes; nil for a
    /// character outside this path (see `WordCounter.isTypographicASCII`).
    @inline(__always)
    static func kind(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Kind, Int) {
        let c = b[i]
        if c < 0x80 { return (asciiKind(c), 1) }
        // E2 80 xx: ‘ ’ “ ” are quotation marks (Close), – — are SContinue, … is Other.
        guard i + 2 < b.count else { return (.other, 1) }
        switch b[i + 2] {
        case 0x98, 0x99, 0x9C, 0x9D: return (.close, 3)
        case 0x93, 0x94: return (.sContinue, 3)
        default: return (.other, 3)
        }
    }

    @inline(__always)
    static func asciiKind(_ c: UInt8) -> Kind {
        switch c {
        case 0x0D: return .cr
        case 0x0A: return .lf
        case 0x09, 0x0B, 0x0C, 0x20: return .space
        case 0x61...0x7A: return .lower
        case 0x41...0x5A: return .upper
        case 0x30...0x39: return .numeric
        case 0x2E: return .aTerm
        case 0x21, 0x3F: return .sTerm
        case 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D: return .close
        case 0x2C, 0x2D, 0x3A: return .sContinue
        default: return .other
        }
    }

    /// Bytes below 64 that can start a boundary: CR, LF, `!`, `.`, `?`.
    private static let boundaryBytes: UInt64 = 1 << 0x0D | 1 << 0x0A | 1 << 0x21 | 1 << 0x2E | 1 << 0x3F

    /// The number of sentences: boundaries after the start, the end of the text included.
    static func count(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        guard n > 0 else { return 0 }
        var breaks = 0
        var i = 0
        while i < n {
            let c = b[i]
            // Most bytes are neither a terminator nor a separator: skip them at once.
            guard c < 64, boundaryBytes >> c & 1 != 0 else {
                i += 1
                continue
            }
            switch c {
            case 0x0D:
                // SB3, SB4: CR LF stays together; a paragraph separator ends a sentence.
                i += i + 1 < n && b[i + 1] == 0x0A ? 2 : 1
                if i < n { breaks += 1 }
            case 0x0A:
                i += 1
                if i < n { breaks += 1 }
            default:
                // The character before: a byte of 0x80 or above belongs to a quote or dash.
                let previous = i > 0 && b[i - 1] < 0x80 ? asciiKind(b[i - 1]) : .other
                i = afterTerminator(b, at: i, kind: c == 0x2E ? .aTerm : .sTerm, previous: previous, next: i + 1, breaks: &breaks)
            }
        }
        return breaks + 1
    }

    /// Applies SB6 to SB11 after a terminator at `i`; returns where scanning resumes.
    private static func afterTerminator(
        _ b: UnsafeBufferPointer<UInt8>, at i: Int, kind k: Kind, previous: Kind, next: Int, breaks: inout Int
    ) -> Int {
        let n = b.count
        var j = next
        guard j < n else { return j }
        let (following, _) = kind(b, j)
        // SB6: ATerm × Numeric; SB7: (Upper | Lower) ATerm × Upper.
        if k == .aTerm && (following == .numeric || following == .upper && (previous == .upper || previous == .lower)) {
            return j
        }
        // SB9, SB10: Close* then Sp* stay with the terminator.
        while j < n, case let (c, w) = kind(b, j), c == .close { j += w }
        while j < n, case let (c, w) = kind(b, j), c == .space { j += w }
        guard j < n else { return j }
        switch kind(b, j).0 {
        case .cr, .lf:
            // SB11 after the separator (SB4 handles it when it is scanned).
            return j
        case .sContinue, .aTerm, .sTerm:
            // SB8a: no break; a further terminator starts its own sequence.
            return j
        default:
            break
        }
        // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
        if k == .aTerm {
            var m = j
            while m < n {
                let (c, w) = kind(b, m)
                if c == .lower { return j }
                if c == .upper || c == .cr || c == .lf || c == .aTerm || c == .sTerm { break }
                m += w
            }
        }
        breaks += 1
        return j
    }
}
