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
    /// A match can begin with a character outside ASCII...
    private(set) var nonASCII = false
    /// ...namely one of these (uncased characters such as CJK, named in the pattern), or any
    /// when nil.
    private(set) var scalars: [UInt32]? = []
    /// ...or, with a list, any decimal digit (`\d`) or white space (`\s`) outside ASCII.
    private(set) var otherDigits = false
    private(set) var otherSpaces = false
    /// More named first characters than this are not worth a list.
    static let maximumScalars = 64
    /// Characters outside ASCII whose full case folding starts with an ASCII letter (ß, İ, ſ,
    /// the Kelvin sign, ligatures ﬀ-ﬆ...): a case-insensitive match of an ASCII letter can
    /// begin with one of them. A test derives the list from ICU's folding.
    static let foldingOntoASCIILetters: [UInt32] = [
        0x00DF, 0x0130, 0x017F, 0x01F0, 0x1E96, 0x1E97, 0x1E98, 0x1E99, 0x1E9A, 0x1E9E, 0x212A,
        0xFB00, 0xFB01, 0xFB02, 0xFB03, 0xFB04, 0xFB05, 0xFB06,
    ]

    static let any: PatternStart = {
        var s = PatternStart()
        s.low = ~0
        s.high = ~0
        s.nonASCII = true
        s.scalars = nil
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

    /// Whether a block (valid UTF-8, not empty) can match, by its first character.
    func admits(_ block: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = block.first else { return true }
        guard first >= 0x80, nonASCII, let scalars else { return admits(firstByte: first) }
        guard let (value, _) = UTF8Bytes.scalar(in: block, at: 0), let scalar = Unicode.Scalar(value) else { return true }
        return scalars.contains(value) || otherDigits && scalar.properties.numericType == .decimal
            || otherSpaces && scalar.properties.isWhitespace
            || high & 0x07FF_FFFE << 32 != 0 && Self.foldingOntoASCIILetters.contains(value)
    }

    /// Notes a non-ASCII start the list cannot name.
    mutating func insertAnyNonASCII() {
        nonASCII = true
        scalars = nil
    }

    /// A non-ASCII character. Case folding maps some cased non-ASCII letters onto ASCII strings
    /// (ß to ss, the Kelvin sign to k), so such a letter admits every ASCII letter too.
    mutating func insert(_ scalar: Unicode.Scalar) {
        guard !scalar.isASCII else {
            insert(UInt8(scalar.value))
            return
        }
        // A character without case (CJK, kana) matches only itself, so it can be named;
        // a cased one also matches its other cases, which the list would have to spell out.
        if !scalar.properties.changesWhenCaseMapped {
            name([scalar.value])
        } else {
            insertAnyNonASCII()
            if scalar.properties.isAlphabetic { high |= 0x07FF_FFFE << 32 }  // a-z
        }
    }

    /// Non-ASCII characters a match can begin with, named (while the list is kept).
    private mutating func name(_ values: [UInt32]) {
        nonASCII = true
        guard var list = scalars else { return }
        for v in values where !list.contains(v) { list.append(v) }
        scalars = list.count <= Self.maximumScalars ? list : nil
    }

    /// Decimal digits outside ASCII (what `\d` matches beyond 0-9).
    mutating func insertNonASCIIDigits() {
        nonASCII = true
        otherDigits = true
    }

    /// White space outside ASCII (what `\s` matches beyond it).
    mutating func insertNonASCIISpaces() {
        nonASCII = true
        otherSpaces = true
    }

    mutating func insert(_ byte: UInt8) {
        guard byte < 0x80 else {
            insertAnyNonASCII()
            return
        }
        // Case-insensitive matching folds a few non-ASCII characters onto ASCII letters (ß onto
        // ss, the Kelvin sign onto k): a letter admits those starts too (see `admits`).
        var b = byte
        if b >= 0x41 && b <= 0x5A { b |= 0x20 }
        if b >= 0x61 && b <= 0x7A { nonASCII = true }
        if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
    }

    mutating func formUnion(_ other: PatternStart) {
        low |= other.low
        high |= other.high
        if other.nonASCII {
            if let mine = scalars, let theirs = other.scalars {
                let merged = mine + theirs.filter { !mine.contains($0) }
                scalars = merged.count <= Self.maximumScalars ? merged : nil
            } else {
                scalars = nil
            }
            nonASCII = true
        }
        otherDigits = otherDigits || other.otherDigits
        otherSpaces = otherSpaces || other.otherSpaces
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
