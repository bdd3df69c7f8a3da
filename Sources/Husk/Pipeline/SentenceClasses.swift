import ICUKit

/// Counts sentences in text of any script by the Unicode sentence rules (UAX #29), with each
/// character's Sentence_Break class read from ICU once and kept in a table.
///
/// ICU's iterator rebuilds its state for every block it is given, which cost more than
/// counting; the rules themselves are a short scan (`ASCIISentences` holds them for ASCII).
/// Text with a character the scan does not follow (combining marks and format characters,
/// which rule SB5 attaches to the character before, and paragraph separators) returns nil, and
/// the caller asks ICU. One table per thread: it fills as characters are met.
final class SentenceClasses {
    private typealias Kind = ASCIISentences.Kind

    private static let size = 0x10000
    /// Kind raw value + 1 per BMP code point, 0 when not yet read, 0xFF when not followed.
    private let table: UnsafeMutablePointer<UInt8>

    init() {
        table = .allocate(capacity: Self.size)
        table.initialize(repeating: 0, count: Self.size)
    }

    deinit {
        table.deallocate()
    }

    /// The class the scan uses for ICU's Sentence_Break value; nil for Format, Sep and Extend.
    static func kind(icu value: Int) -> ASCIISentences.Kind? {
        switch value {
        case 1: return .aTerm
        case 2: return .close
        case 4: return .lower
        case 5: return .numeric
        case 6: return .oLetter
        case 8: return .space
        case 9: return .sTerm
        case 10: return .upper
        case 11: return .cr
        case 13: return .lf
        case 14: return .sContinue
        case 0: return .other
        default: return nil
        }
    }

    @inline(__always)
    private func kind(_ v: UInt32) -> Kind? {
        if v < 0x80 { return ASCIISentences.asciiKind(UInt8(v)) }
        guard Int(v) < Self.size else { return Self.kind(icu: SentenceBreakProperty.value(of: v)) }
        var entry = table[Int(v)]
        if entry == 0 {
            entry = Self.kind(icu: SentenceBreakProperty.value(of: v)).map { $0.rawValue + 1 } ?? 0xFF
            table[Int(v)] = entry
        }
        return entry == 0xFF ? nil : Kind(rawValue: entry - 1)
    }

    /// The number of sentences in valid UTF-8, or nil when the text needs ICU's iterator.
    func count(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        // One class per character, in scratch memory that needs no bookkeeping per append.
        withUnsafeTemporaryAllocation(of: Kind.self, capacity: max(1, b.count)) { kinds -> Int? in
            var n = 0
            var i = 0
            while i < b.count {
                let lead = b[i]
                let v: UInt32
                let length: Int
                if lead < 0x80 {
                    v = UInt32(lead)
                    length = 1
                } else {
                    guard let (value, width) = UTF8Bytes.scalar(in: b, at: i) else { return nil }
                    v = value
                    length = width
                }
                guard let k = kind(v) else { return nil }
                kinds[n] = k
                n += 1
                i += length
            }
            return Self.count(kinds: UnsafeBufferPointer(rebasing: kinds[..<n]))
        }
    }

    /// Rules SB3-SB11 over one class per character (see `ASCIISentences.count`).
    private static func count(kinds k: UnsafeBufferPointer<Kind>) -> Int {
        let n = k.count
        guard n > 0 else { return 0 }
        var breaks = 0
        var i = 0
        while i < n {
            switch k[i] {
            case .cr:
                i += i + 1 < n && k[i + 1] == .lf ? 2 : 1
                if i < n { breaks += 1 }
            case .lf:
                i += 1
                if i < n { breaks += 1 }
            case .aTerm, .sTerm:
                i = afterTerminator(k, at: i, breaks: &breaks)
            default:
                i += 1
            }
        }
        return breaks + 1
    }

    private static func afterTerminator(_ k: UnsafeBufferPointer<Kind>, at i: Int, breaks: inout Int) -> Int {
        let n = k.count
        let term = k[i]
        var j = i + 1
        guard j < n else { return j }
        let previous = i > 0 ? k[i - 1] : .other
        // SB6: ATerm × Numeric; SB7: (Upper | Lower) ATerm × Upper.
        if term == .aTerm && (k[j] == .numeric || k[j] == .upper && (previous == .upper || previous == .lower)) { return j }
        // SB9, SB10: Close* then Sp* stay with the terminator.
        while j < n && k[j] == .close { j += 1 }
        while j < n && k[j] == .space { j += 1 }
        guard j < n else { return j }
        switch k[j] {
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
                switch k[m] {
                case .lower: return j
                case .upper, .oLetter, .cr, .lf, .aTerm, .sTerm: m = n
                default: m += 1
                }
            }
        }
        breaks += 1
        return j
    }
}
