/// Stopword lists per language, read from the embedded `Rules/stoplists/<code>.txt` files.
///
/// Stopword density (the share of a block's words that are function words) is the best single
/// sign of running prose, and the lists double as evidence for language identification.
struct Stoplists: Sendable {
    private(set) var lists: [String: Set<String>] = [:]

    init(files: [String: String] = EmbeddedRules.files) {
        for (name, contents) in files where name.hasPrefix("stoplists/") && name.hasSuffix(".txt") {
            let code = String(name.dropFirst("stoplists/".count).dropLast(".txt".count))
            var words = Set<String>()
            for line in contents.split(separator: "\n") {
                let word = line.trimmingSpaces
                if word.isEmpty || word.hasPrefix("#") { continue }
                words.insert(word)
            }
            lists[code] = words
        }
    }

    var languages: [String] { lists.keys.sorted() }

    func list(for language: String?) -> Set<String> {
        guard let language, let list = lists[language] else { return lists["en"] ?? [] }
        return list
    }
}
