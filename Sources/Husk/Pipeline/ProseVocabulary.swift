/// The words a document uses as prose, built on the first question and then answered from a
/// hash set: whether a would-be name's words also stand in the text in lowercase.
///
/// A word counts only where it stands free: not glued to `@`, `-`, `/`, `_` or a leading `.`
/// (an address, a handle or a slug such as "jane@…", "jane-doe", "/jane"). Words are compared
/// by their exact bytes (hashed with 64-bit FNV), so "Library" and "library" differ.
final class ProseVocabulary {
    private let blocks: [Block]
    private var words: Set<UInt64>? = nil

    init(_ blocks: [Block]) { self.blocks = blocks }

    /// Whether `word` (already lowercased) stands free somewhere in the text.
    func contains(_ word: String) -> Bool {
        if words == nil { words = build() }
        return words?.contains(Self.hash(word)) ?? false
    }

    private static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    /// `@ - / _` glue a word on either side; `.` only before it (after it, it ends a sentence).
    private static func gluesBefore(_ b: UInt8) -> Bool { b == 0x40 || b == 0x2D || b == 0x2F || b == 0x5F || b == 0x2E }
    private static func gluesAfter(_ b: UInt8) -> Bool { b == 0x40 || b == 0x2D || b == 0x2F || b == 0x5F }

    static func hash(_ word: String) -> UInt64 {
        var h = offset
        for b in word.utf8 { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    private func build() -> Set<UInt64> {
        var set = Set<UInt64>()
        for block in blocks {
            var text = block.text
            text.withUTF8 { bytes in
                var h = Self.offset
                var length = 0
                var glued = false
                var previous: UInt8 = 0x20
                for b in bytes {
                    if Self.isWordByte(b) {
                        if length == 0 { glued = Self.gluesBefore(previous) }
                        h = (h ^ UInt64(b)) &* Self.prime
                        length += 1
                    } else {
                        if length > 0 && !glued && !Self.gluesAfter(b) { set.insert(h) }
                        h = Self.offset
                        length = 0
                    }
                    previous = b
                }
                if length > 0 && !glued { set.insert(h) }
            }
        }
        return set
    }
}
