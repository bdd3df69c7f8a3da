/// Stopword lists per language, read from the embedded `Rules/stoplists/<code>.txt` files.
///
/// Stopword density (the share of a block's words that are function words) is the best single
/// sign of running prose, and the lists double as evidence for language identification.
struct Stoplists: Sendable {
    private(set) var sets: [String: StopwordSet] = [:]

    init(files: [String: String] = EmbeddedRules.files) {
        for (name, contents) in files where name.hasPrefix("stoplists/") && name.hasSuffix(".txt") {
            let code = String(name.dropFirst("stoplists/".count).dropLast(".txt".count))
            sets[code] = StopwordSet(listFile: contents)
        }
        for line in (files["stoplists/affixes.tsv"] ?? "").split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 3, let kind = StopwordSet.AffixKind(rawValue: String(fields[1])) else { continue }
            let code = String(fields[0])
            let morphemes = fields[2].split(separator: " ").map(String.init)
            sets[code, default: StopwordSet([])].addAffixes(morphemes, kind: kind)
        }
    }

    var languages: [String] { sets.keys.sorted() }

    /// The stoplist of `language` (English when unknown), shaped for fast lookups.
    func set(for language: String?) -> StopwordSet {
        guard let language, let set = sets[language] else { return sets["en"] ?? StopwordSet([]) }
        return set
    }
}
