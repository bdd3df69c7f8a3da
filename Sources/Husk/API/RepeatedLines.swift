/// What a run over many documents has learned: short blocks that recur across pages of the
/// same site (a newsletter plea, an author bio, a disclaimer) are boilerplate on that site.
///
/// A value type held by whoever drives the run. To keep output independent of threads, clean
/// a batch of documents against one snapshot (a copy of this value), then `observe` the batch
/// in input order; the next batch sees what this one taught. Memory is bounded by
/// `capacity` keys (about 24 bytes each): when full, keys seen once are forgotten first.
public struct RepeatedLines: Sendable {
    /// (site, block text) keys and in how many documents each occurred.
    private var counts: [UInt64: UInt32] = [:]
    /// Documents observed per site, by site hash.
    private var documentsPerSite: [UInt64: UInt32] = [:]
    public let capacity: Int
    /// A block counts as repeated once this many earlier documents of its site held it.
    public var minimumDocuments: Int
    /// Only blocks of at most this many words are tracked: article paragraphs are longer.
    public var maximumWords: Int
    /// A page whose repeated blocks exceed this share of its kept text is a duplicate page, and
    /// keeps them all.
    public var maximumShare: Double

    /// The default for `maximumWords`, also used to fingerprint documents cleaned without memory.
    public static let defaultMaximumWords = 40

    public init(
        capacity: Int = 1 << 20, minimumDocuments: Int = 3, maximumWords: Int = defaultMaximumWords,
        maximumShare: Double = 0.3
    ) {
        self.capacity = capacity
        self.minimumDocuments = minimumDocuments
        self.maximumWords = maximumWords
        self.maximumShare = maximumShare
    }

    /// Keys learned so far.
    public var count: Int { counts.count }

    /// Adds one document's block fingerprints (`CleanedDocument.fingerprints`) for `site`.
    public mutating func observe(site: String, fingerprints: [UInt64]) {
        let siteKey = Self.hash(site)
        documentsPerSite[siteKey, default: 0] &+= 1
        for key in Set(fingerprints.map { $0 ^ siteKey }) {
            counts[key, default: 0] &+= 1
        }
        if counts.count > capacity {
            // Forget keys seen once (most of them, in practice); if that is not enough, the
            // rarest half. Deterministic: depends only on what was observed.
            counts = counts.filter { $0.value > 1 }
            if counts.count > capacity / 2 {
                let sorted = counts.values.sorted()
                let cut = sorted[sorted.count / 2]
                counts = counts.filter { $0.value > cut }
            }
        }
    }

    /// Whether the block with `fingerprint` recurred in enough earlier documents of `site`.
    func isRepeated(_ fingerprint: UInt64, site: String) -> Bool {
        let key = fingerprint ^ Self.hash(site)
        return Int(counts[key] ?? 0) >= minimumDocuments
    }

    /// A block's fingerprint: its text with case, digits and spacing folded, so "Posted 3 May"
    /// and "Posted 4 May" are one line.
    static func fingerprint(_ text: String) -> UInt64 {
        var hash = FNV1a()
        var space = false
        text.withBytes { bytes in
            for var b in bytes {
                if b == 0x20 || b == 0x09 {
                    space = true
                    continue
                }
                if space {
                    hash.add(0x20)
                    space = false
                }
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                if b >= 0x30 && b <= 0x39 { b = 0x30 }
                hash.add(b)
            }
        }
        return hash.value
    }

    static func hash(_ site: String) -> UInt64 {
        // Spread the site hash so XOR with a text hash does not cancel structure.
        var h = fingerprint(site) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return h
    }
}

/// What Husk may know about one document beyond its text: its source and time, and what a
/// run has learned from the documents before it.
public struct DocumentContext: Sendable {
    /// When the page was fetched (`YYYY-MM-DD` or ISO 8601), for relative dates.
    public var referenceDate: String?
    /// The site the page belongs to (a URL's host, a folder): the scope of `repeatedLines`.
    public var site: String
    /// Lines learned from earlier documents; nil turns cross-document learning off.
    public var repeatedLines: RepeatedLines?
    /// Whether the cleaned document carries its blocks' fingerprints (`CleanedDocument
    /// .fingerprints`, for `RepeatedLines.observe`). A run that learns nothing across documents
    /// turns it off and skips hashing every short block.
    public var collectsFingerprints: Bool

    public init(
        referenceDate: String? = nil, site: String = "", repeatedLines: RepeatedLines? = nil, collectsFingerprints: Bool = true
    ) {
        self.referenceDate = referenceDate
        self.site = site
        self.repeatedLines = repeatedLines
        self.collectsFingerprints = collectsFingerprints
    }

    /// The host of `url` (`https://www.Example.com/a` gives `example.com`), or "" when none.
    public static func site(ofURL url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var lower = host.lowercased()
        if let at = lower.lastIndex(of: "@") { lower = String(lower[lower.index(after: at)...]) }
        if let colon = lower.lastIndex(of: ":") { lower = String(lower[..<colon]) }
        if lower.hasPrefix("www.") { lower.removeFirst(4) }
        return lower
    }
}
