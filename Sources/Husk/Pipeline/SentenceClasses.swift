import ICUKit

/// Counts sentences in text of any script by the Unicode sentence rules (UAX #29), with each
/// character's Sentence_Break class read from ICU once and kept in a table.
///
/// ICU's iterator rebuilds its state for every block it is given, which cost more than
/// counting; the rules themselves are a short scan (`ASCIISentences.count(kinds:)`).
/// Text with a character the scan does not follow (combining marks and format characters,
/// which rule SB5 attaches to the character before, and paragraph separators) returns nil, and
/// the caller asks ICU. One table per thread: it fills as characters are met.
final class SentenceClasses {
    private typealias Kind = ASCIISentences.Kind

    private static let size = 0x10000
    /// Kind raw value + 1 per BMP code point, 0 when not yet read, 0xFF when not followed.
    private let table: UnsafeMutablePointer<UInt8>

    init() {
        table = ZeroedMemory.allocate(UInt8.self, count: Self.size)
    }

    deinit {
        ZeroedMemory.release(table)
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
            return ASCIISentences.count(kinds: UnsafeBufferPointer(rebasing: kinds[..<n]))
        }
    }
}
