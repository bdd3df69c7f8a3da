/// Which words a document's body uses, to tell how much of a candidate line the body repeats.
///
/// A headline's words come back in the article under it ("hibernating astronauts"); a masthead,
/// a photo credit or a menu label ("Why you can trust Sky News") shares none. Words are runs of
/// letters and digits (any non-ASCII byte counts as a letter) of at least `minBytes` bytes,
/// ASCII-lowercased and kept as 64-bit FNV hashes, so building the set allocates nothing per word.
struct WordEcho {
    private var hashes = Set<UInt64>()
    let minBytes: Int

    init(minBytes: Int = 4) { self.minBytes = minBytes }

    /// Adds the words of `text`, up to `limit` words in all.
    mutating func add(_ text: String, limit: Int = 3000) {
        guard hashes.count < limit else { return }
        Self.forEachWord(text, minBytes: minBytes) { hashes.insert($0) }
    }

    var isEmpty: Bool { hashes.isEmpty }

    /// The share of `text`'s words that the body uses; nil when `text` has no word long enough.
    func overlap(_ text: String) -> Double? {
        var total = 0
        var found = 0
        Self.forEachWord(text, minBytes: minBytes) { hash in
            total += 1
            if hashes.contains(hash) { found += 1 }
        }
        return total == 0 ? nil : Double(found) / Double(total)
    }

    private static func forEachWord(_ text: String, minBytes: Int, _ body: (UInt64) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var length = 0
            for b in bytes {
                let isWordByte = b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
                if isWordByte {
                    let folded = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                    hash = (hash ^ UInt64(folded)) &* 0x100_0000_01b3
                    length += 1
                } else {
                    if length >= minBytes { body(hash) }
                    hash = 0xcbf2_9ce4_8422_2325
                    length = 0
                }
            }
            if length >= minBytes { body(hash) }
        }
    }
}
