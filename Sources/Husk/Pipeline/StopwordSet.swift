/// A stoplist shaped for fast lookups: ASCII words up to 8 bytes are packed into one integer,
/// so counting stopwords in English text never builds a `String`; other words are kept as
/// UTF-8 bytes (NFC, as the pipeline's text is), which hash without Unicode normalization.
struct StopwordSet: Sendable {
    private var packed = PackedKeySet()
    /// Longer and non-ASCII words by their 64-bit FNV-1a hash: a lookup allocates nothing, and
    /// two words of a few hundred share a hash with odds of about 1 in 10^15.
    private var others = PackedKeySet()
    /// Function morphemes written onto other words (`Rules/stoplists/affixes.tsv`), as bytes.
    private var prefixes: [[UInt8]] = []
    private var suffixes: [[UInt8]] = []

    enum AffixKind: String {
        case prefix, suffix
    }

    /// Letters a word must keep besides its affix to count as carrying one (a bare particle
    /// is a whole word, and short words that merely start with the letter are not prefixed).
    static let minimumStemScalars = 2

    mutating func addAffixes(_ morphemes: [String], kind: AffixKind) {
        let bytes = morphemes.filter { !$0.isEmpty }.map { Array($0.utf8) }
        switch kind {
        case .prefix: prefixes += bytes
        case .suffix: suffixes += bytes
        }
    }

    var hasAffixes: Bool { !prefixes.isEmpty || !suffixes.isEmpty }

    /// Whether a lowercased word carries one of the language's attached function morphemes.
    func hasFunctionAffix(_ word: String) -> Bool {
        guard hasAffixes else { return false }
        return hasFunctionAffix(bytes: Array(word.utf8))
    }

    /// The same for a word given as its UTF-8 bytes.
    func hasFunctionAffix(bytes: [UInt8]) -> Bool {
        guard hasAffixes else { return false }
        return bytes.withUnsafeBufferPointer { hasFunctionAffix(word: $0) }
    }

    /// The same for a word lent as a buffer.
    func hasFunctionAffix(word w: UnsafeBufferPointer<UInt8>) -> Bool {
        guard hasAffixes else { return false }
        func stemIsLong(_ affixBytes: Int, atStart: Bool) -> Bool {
            let stem = atStart ? UnsafeBufferPointer(rebasing: w[affixBytes...]) : UnsafeBufferPointer(rebasing: w[..<(w.count - affixBytes)])
            return stem.lazy.filter { $0 & 0xC0 != 0x80 }.count >= Self.minimumStemScalars
        }
        for p in prefixes where w.count > p.count && w.starts(with: p) && stemIsLong(p.count, atStart: true) { return true }
        for s in suffixes where w.count > s.count && w[(w.count - s.count)...].elementsEqual(s) && stemIsLong(s.count, atStart: false) {
            return true
        }
        return false
    }

    init(_ words: some Sequence<String>) {
        for word in words {
            if let key = Self.key(word.utf8) { packed.insert(key) } else { others.insert(Self.hashKey(word.utf8)) }
        }
    }

    /// Reads a stoplist file (one word per line; `#` and space-led lines skipped) straight
    /// from its bytes: the lists of every language are read at start-up.
    init(listFile contents: String) {
        var text = contents
        text.withUTF8 { all in
            var start = 0
            while start < all.count {
                var end = start
                while end < all.count && all[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                guard end > start, all[start] != 0x23, all[start] != 0x20 else { continue }
                let word = UnsafeBufferPointer(rebasing: all[start..<end])
                if let key = Self.key(word) { packed.insert(key) } else { others.insert(Self.hashKey(word)) }
            }
        }
    }

    var isEmpty: Bool { packed.isEmpty && others.isEmpty }

    /// Lowercase ASCII letters (and `'`) of at most 8 bytes as one integer; nil otherwise.
    @inline(__always)
    static func key<C: Collection>(_ bytes: C) -> UInt64? where C.Element == UInt8 {
        guard bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for b in bytes {
            let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            guard lower < 0x80 else { return nil }
            key = key << 8 | UInt64(lower)
        }
        return key
    }

    /// The FNV-1a hash of bytes with ASCII capitals folded, never zero (an empty slot).
    @inline(__always)
    static func hashKey<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = FNV1a()
        for b in bytes { h.add(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        return h.key
    }

    /// A word prepared for lookups: language identification asks every candidate language's
    /// stoplist about the same words, so each is packed or hashed once.
    struct Probe {
        let packed: Bool
        let key: UInt64

        /// The probe of an ASCII word, in any case: the same as `init(lowercasedBytes:)` of its
        /// lowercase form, without the generic path (this runs for every word of English text).
        init(asciiWord bytes: UnsafeBufferPointer<UInt8>) {
            if bytes.count <= 8 {
                var key: UInt64 = 0
                for b in bytes { key = key << 8 | UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
                packed = true
                self.key = key
            } else {
                packed = false
                key = StopwordSet.hashKey(bytes)
            }
        }

        init<C: Collection>(lowercasedBytes bytes: C) where C.Element == UInt8 {
            if let key = StopwordSet.key(bytes) {
                packed = true
                self.key = key
            } else {
                packed = false
                key = StopwordSet.hashKey(bytes)
            }
        }
    }

    /// The keys of the packed words and of the hashed ones (for `StopwordIndex`).
    var packedKeys: [UInt64] { packed.keys }
    var hashedKeys: [UInt64] { others.keys }

    func contains(_ probe: Probe) -> Bool {
        probe.packed ? packed.contains(probe.key) : others.contains(probe.key)
    }

    func contains(_ lowercased: String) -> Bool {
        contains(Probe(lowercasedBytes: lowercased.utf8))
    }

    /// A lowercased word given as its UTF-8 bytes.
    func contains(lowercasedBytes bytes: [UInt8]) -> Bool {
        contains(Probe(lowercasedBytes: bytes))
    }
}

extension StopwordSet: ExpressibleByArrayLiteral {
    init(arrayLiteral words: String...) {
        self.init(Set(words))
    }
}
