/// Counts sentences in ASCII text (or ASCII with typographic quotes and dashes) by the Unicode
/// sentence-boundary rules (UAX #29) that ICU's sentence break iterator applies.
///
/// Opening ICU's iterator on each block cost more than the rest of the block's features: ICU
/// rebuilds its break cache for every new text. On these characters the rules reduce to a
/// short scan; a test compares the count with ICU's on random and real text. The rules are
/// written once here, over character classes, and `SentenceClasses` applies them to any script.
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

    /// Whether one of eight bytes is CR, LF, `!`, `.` or `?` (see `UTF8Bytes.matches`).
    @inline(__always)
    static func mayHoldBoundary(_ w: UInt64) -> Bool {
        let any = UTF8Bytes.matches(w, 0x0D) | UTF8Bytes.matches(w, 0x0A) | UTF8Bytes.matches(w, 0x21)
            | UTF8Bytes.matches(w, 0x2E) | UTF8Bytes.matches(w, 0x3F)
        return any != 0
    }

    /// The number of sentences: boundaries after the start, the end of the text included.
    static func count(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        // The character before a terminator: a byte of 0x80 or above ends a quote or dash.
        return count(
            b.count, kindAt: { kind(b, $0) }, kindBefore: { b[$0 - 1] < 0x80 ? asciiKind(b[$0 - 1]) : .other },
            seek: { start in
                // Only a terminator or a line end acts; they are ASCII, so bytes can be skipped.
                var i = start
                // Eight bytes at a time while none of them can start a boundary.
                while i &+ 8 <= b.count, !mayHoldBoundary(UTF8Bytes.word(b, at: i)) { i &+= 8 }
                while i < b.count && !(b[i] < 64 && boundaryBytes >> b[i] & 1 != 0) { i += 1 }
                return i
            })
    }

    /// The same over one class per character (`SentenceClasses` reads any script this way).
    static func count(kinds k: UnsafeBufferPointer<Kind>) -> Int {
        count(k.count, kindAt: { (k[$0], 1) }, kindBefore: { k[$0 - 1] }, seek: { $0 })
    }

    /// Rules SB3-SB11, the one implementation of them: `kindAt(i)` is the class of the
    /// character at position `i` and its width, `kindBefore(i)` the class of the one before,
    /// and `seek(i)` the first position from `i` that may hold a terminator or a line end.
    @inline(__always)
    private static func count(
        _ n: Int, kindAt: (Int) -> (Kind, Int), kindBefore: (Int) -> Kind, seek: (Int) -> Int
    ) -> Int {
        guard n > 0 else { return 0 }
        var breaks = 0
        var i = 0
        while true {
            i = seek(i)
            guard i < n else { break }
            let (k, width) = kindAt(i)
            switch k {
            case .cr:
                // SB3, SB4: CR LF stays together; a paragraph separator ends a sentence.
                i += width
                if i < n && kindAt(i).0 == .lf { i += kindAt(i).1 }
                if i < n { breaks += 1 }
            case .lf:
                i += width
                if i < n { breaks += 1 }
            case .aTerm, .sTerm:
                i = afterTerminator(k, at: i, width: width, n: n, kindAt: kindAt, kindBefore: kindBefore, breaks: &breaks)
            default:
                i += width
            }
        }
        return breaks + 1
    }

    /// Applies SB6 to SB11 after a terminator at `i`; returns where scanning resumes.
    @inline(__always)
    private static func afterTerminator(
        _ term: Kind, at i: Int, width: Int, n: Int, kindAt: (Int) -> (Kind, Int), kindBefore: (Int) -> Kind, breaks: inout Int
    ) -> Int {
        var j = i + width
        guard j < n else { return j }
        let previous = i > 0 ? kindBefore(i) : .other
        let following = kindAt(j).0
        // SB6: ATerm × Numeric; SB7: (Upper | Lower) ATerm × Upper.
        if term == .aTerm && (following == .numeric || following == .upper && (previous == .upper || previous == .lower)) { return j }
        // SB9, SB10: Close* then Sp* stay with the terminator.
        while j < n, case let (c, w) = kindAt(j), c == .close { j += w }
        while j < n, case let (c, w) = kindAt(j), c == .space { j += w }
        guard j < n else { return j }
        switch kindAt(j).0 {
        case .cr, .lf, .sContinue, .aTerm, .sTerm:
            // SB11 after the separator (handled when it is scanned); SB8a.
            return j
        default:
            break
        }
        // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
        if term == .aTerm {
            var m = j
            while m < n {
                let (c, w) = kindAt(m)
                switch c {
                case .lower: return j
                case .upper, .oLetter, .cr, .lf, .aTerm, .sTerm: m = n
                default: m += w
                }
            }
        }
        breaks += 1
        return j
    }
}
