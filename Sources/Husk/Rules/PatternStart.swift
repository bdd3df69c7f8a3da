/// The characters a match of an anchored pattern (`^...`) can begin with, worked out from the
/// pattern's text so a block whose first character is not among them skips the regex.
///
/// Most rule patterns are anchored and open with a few literal words, so one table lookup on a
/// block's first byte spares most regex calls. The set is a superset: anything the reader does
/// not follow (properties, backreferences, `.`) counts as "any character", and letters count in
/// both cases whatever the rule's case setting.
struct PatternStart: Equatable {
    /// Lowercased ASCII characters a match can begin with, as a 128-bit set.
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    /// A match can begin with a character outside ASCII.
    private(set) var nonASCII = false

    static let any: PatternStart = {
        var s = PatternStart()
        s.low = ~0
        s.high = ~0
        s.nonASCII = true
        return s
    }()

    var isAny: Bool { self == Self.any }

    /// Whether a block beginning with `byte` (its first UTF-8 byte) can match.
    @inline(__always)
    func admits(firstByte byte: UInt8) -> Bool {
        guard byte < 0x80 else { return nonASCII }
        let b = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        return b < 64 ? low >> b & 1 != 0 : high >> (b - 64) & 1 != 0
    }

    /// A non-ASCII character. Case folding maps some non-ASCII letters onto ASCII strings (ß to
    /// ss, the Kelvin sign to k), so a letter admits every ASCII letter too.
    mutating func insert(_ scalar: Unicode.Scalar) {
        guard !scalar.isASCII else {
            insert(UInt8(scalar.value))
            return
        }
        nonASCII = true
        if scalar.properties.isAlphabetic { high |= 0x07FF_FFFE << 32 }  // a-z
    }

    /// Some character outside ASCII that is not a letter (other digits, spaces).
    mutating func insertNonASCIIOther() {
        nonASCII = true
    }

    mutating func insert(_ byte: UInt8) {
        guard byte < 0x80 else {
            nonASCII = true
            return
        }
        // Case-insensitive matching folds a few non-ASCII characters onto ASCII letters
        // (the Kelvin sign onto k, long s onto s), so a letter admits non-ASCII starts too.
        var b = byte
        if b >= 0x41 && b <= 0x5A { b |= 0x20 }
        if b >= 0x61 && b <= 0x7A { nonASCII = true }
        if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
    }

    mutating func formUnion(_ other: PatternStart) {
        low |= other.low
        high |= other.high
        nonASCII = nonASCII || other.nonASCII
    }

    /// The start set of a pattern anchored at its very beginning (`^` outside any group), or
    /// `any` when it is not anchored there or can match the empty string.
    static func of(_ pattern: String) -> PatternStart {
        let units = Array(pattern.unicodeScalars)
        guard units.first == "^" else { return .any }
        var reader = PatternStartReader(units: units, position: 1)
        let (set, nullable) = reader.alternation()
        return nullable || reader.failed ? .any : set
    }
}
