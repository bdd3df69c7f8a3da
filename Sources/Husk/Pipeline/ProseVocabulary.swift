/// The words a document uses as prose, built on the first question and then answered from a
/// hash set: whether a would-be name's words also stand in the text in lowercase.
///
/// A word counts only where it stands free: not glued to `@`, `-`, `/`, `_` or a leading `.`
/// (an address, a handle or a slug such as "jane@…", "jane-doe", "/jane"). Words are compared
/// by their exact bytes (hashed with `FNV1a`), so "Library" and "library" differ.
final class ProseVocabulary {
    private let blocks: [Block]
    private var words: PackedKeySet? = nil

    init(_ blocks: [Block]) { self.blocks = blocks }

    /// Whether `word` (already lowercased) stands free somewhere in the text.
    func contains(_ word: String) -> Bool {
        if words == nil { words = build() }
        return words?.contains(FNV1a.hash(word)) ?? false
    }

    /// `@ - / _` glue a word on either side; `.` only before it (after it, it ends a sentence).
    private static func gluesBefore(_ b: UInt8) -> Bool { b == 0x40 || b == 0x2D || b == 0x2F || b == 0x5F || b == 0x2E }
    private static func gluesAfter(_ b: UInt8) -> Bool { b == 0x40 || b == 0x2D || b == 0x2F || b == 0x5F }

    /// An open-addressing set of the hashes (the standard `Set` hashed each 64-bit hash again),
    /// filled by index (`for block in blocks` copies every block).
    private func build() -> PackedKeySet {
        var set = PackedKeySet()
        for i in blocks.indices {
            FNV1a.forEachWord(in: blocks[i].text, foldingASCIICase: false) { hash, _, before, after in
                if !Self.gluesBefore(before) && !Self.gluesAfter(after) { set.insert(hash) }
            }
        }
        return set
    }
}
