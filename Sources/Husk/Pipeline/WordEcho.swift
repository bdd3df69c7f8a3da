/// Which words a document's body uses, to tell how much of a candidate line the body repeats.
///
/// A headline's words come back in the article under it ("hibernating astronauts"); a masthead,
/// a photo credit or a menu label ("Why you can trust Sky News") shares none. Words are runs of
/// letters and digits (any non-ASCII byte counts as a letter) of at least `minBytes` bytes,
/// ASCII-lowercased and kept as `FNV1a` hashes, so building the set allocates nothing per word.
struct WordEcho {
    private var hashes = Set<UInt64>()
    let minBytes: Int

    init(minBytes: Int = 4) { self.minBytes = minBytes }

    /// Adds the words of `text`, up to `limit` words in all.
    mutating func add(_ text: String, limit: Int = 3000) {
        guard hashes.count < limit else { return }
        FNV1a.forEachWord(in: text, foldingASCIICase: true) { hash, length, _, _ in
            if length >= minBytes { hashes.insert(hash) }
        }
    }

    var isEmpty: Bool { hashes.isEmpty }

    /// The share of `text`'s words that the body uses; nil when `text` has no word long enough.
    func overlap(_ text: String) -> Double? {
        var total = 0
        var found = 0
        FNV1a.forEachWord(in: text, foldingASCIICase: true) { hash, length, _, _ in
            guard length >= minBytes else { return }
            total += 1
            if hashes.contains(hash) { found += 1 }
        }
        return total == 0 ? nil : Double(found) / Double(total)
    }
}
