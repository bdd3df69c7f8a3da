import ICUKit

/// Finds words in alphabetic text beyond ASCII (Latin, Greek, Cyrillic, Armenian) by the
/// Unicode word rules (UAX #29), with each character's Word_Break class read from ICU.
///
/// ICU's iterator costs tens of thousands of instructions per block, most of it setting up; in
/// these scripts words are runs of letters and digits joined by a few middle characters, which
/// a short scan follows exactly (`WordCounter.asciiWords` does the same for ASCII). Text with
/// any character the scan does not follow (combining marks and format characters, which rule
/// WB4 attaches to the character before, other scripts, where ICU uses dictionaries, emoji)
/// is left to ICU: `words` returns false before reporting anything.
final class WordClasses {
    enum Kind: UInt8 {
        case other = 1, letter, digit, midLetter, midNum, midNumLet, underscore, unsupported
    }

    /// Code points below this are read from ICU (the alphabets before Hebrew); punctuation,
    /// currency signs, letterlike symbols, arrows and other symbols (U+2000-U+2BFF) are read
    /// too. Anything else is unsupported.
    private static let alphabetsEnd: UInt32 = 0x0590
    private static let punctuation: ClosedRange<UInt32> = 0x2000...0x2BFF
    /// Kind per code point of both ranges, 0 when not yet read from ICU.
    private let table: UnsafeMutablePointer<UInt8>
    private static let size = Int(alphabetsEnd) + punctuation.count

    init() {
        table = .allocate(capacity: Self.size)
        table.initialize(repeating: 0, count: Self.size)
    }

    deinit {
        table.deallocate()
    }

    /// The scan's kind for ICU's Word_Break value of `scalar`, with ICU's own changes to the
    /// property: `@` is a letter, and `:` joins nothing.
    static func kind(of scalar: UInt32, icu value: Int) -> Kind {
        if scalar == 0x40 { return .letter }
        if scalar == 0x3A { return .other }
        switch value {
        case 0, 8, 10, 12, 16, 22: return .other  // Other, CR, LF, Newline, Double_Quote, WSegSpace
        case 1: return .letter
        case 6: return .digit
        case 4: return .midLetter
        case 5: return .midNum
        case 11, 15: return .midNumLet  // MidNumLet, Single_Quote (both join letters and digits)
        case 7: return scalar == 0x5F ? .underscore : .unsupported
        default: return .unsupported
        }
    }

    @inline(__always)
    private func kind(_ v: UInt32) -> Kind {
        let slot: Int
        if v < Self.alphabetsEnd {
            slot = Int(v)
        } else if Self.punctuation.contains(v) {
            slot = Int(Self.alphabetsEnd) + Int(v - Self.punctuation.lowerBound)
        } else {
            return .unsupported
        }
        if let known = Kind(rawValue: table[slot]) { return known }
        let made = Self.kind(of: v, icu: WordBreakProperty.value(of: v))
        table[slot] = made.rawValue
        return made
    }

    /// Calls `body` with each word's byte range and whether it is a letter word (else a
    /// number: the kind of its last letter or digit, see `WordCounter.isLetterWord`), as ICU's
    /// iterator would; false, with no call made, when the text holds a character the scan
    /// does not follow.
    func words(_ b: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Bool) -> Void) -> Bool {
        // Every scalar is classified first, so unsupported text reports nothing.
        var i = 0
        while i < b.count {
            guard let (value, length) = UTF8Bytes.scalar(in: b, at: i), kind(value) != .unsupported else { return false }
            i += length
        }
        @inline(__always) func at(_ i: Int) -> (kind: Kind, length: Int) {
            guard let (value, length) = UTF8Bytes.scalar(in: b, at: i) else { return (.other, 1) }
            return (kind(value), length)
        }
        i = 0
        let n = b.count
        while i < n {
            let first = at(i)
            guard first.kind == .letter || first.kind == .digit || first.kind == .underscore else {
                i += first.length
                continue
            }
            let start = i
            var lastAlnum: Kind? = nil
            var previous = Kind.other
            while i < n {
                let (k, length) = at(i)
                if k == .other || k == .unsupported { break }
                if k == .midLetter || k == .midNum || k == .midNumLet {
                    // WB6/7 and WB11/12: one middle character between two letters or two digits.
                    let next = i + length < n ? at(i + length).kind : .other
                    let letters = previous == .letter && next == .letter && (k == .midLetter || k == .midNumLet)
                    let digits = previous == .digit && next == .digit && (k == .midNum || k == .midNumLet)
                    guard i > start, letters || digits else { break }
                } else if k != .underscore {
                    lastAlnum = k
                }
                previous = k
                i += length
            }
            // ICU counts a run of two or more underscores as a word too (a single one is not),
            // and calls a word ending in two underscores a letter word ("1__").
            let endsInUnderscores = i - start >= 2 && b[i - 1] == 0x5F && b[i - 2] == 0x5F
            if let lastAlnum {
                body(start..<i, lastAlnum == .letter || endsInUnderscores)
            } else if i - start >= 2 {
                body(start..<i, true)
            }
        }
        return true
    }
}
