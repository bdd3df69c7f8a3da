/// The news agency a dateline credits, as the author of an article no byline signs.
extension MetadataExtractor {
    /// The agency in a dateline opening a paragraph ("WASHINGTON (Reuters) — Scientists…",
    /// "(AFP) - The…"): one to `maxAgencyWords` capitalised words in parentheses, after at most
    /// `maxDatelineBytes` of capitalised place name, and followed by a dash.
    ///
    /// Wire copy carries no byline: the credit in its dateline is the only author the text shows.
    func agencyCredit(_ text: String) -> String? {
        let head = text.utf8.prefix(maxDatelineBytes + 2 * maxAgencyBytes)
        guard let open = head.firstIndex(of: 0x28), text.utf8.distance(from: text.utf8.startIndex, to: open) <= maxDatelineBytes,
            let close = head[open...].firstIndex(of: 0x29), text.utf8.distance(from: open, to: close) <= maxAgencyBytes
        else { return nil }
        let place = text[..<open].split(separator: " ")
        let agency = text[text.utf8.index(after: open)..<close].split(separator: " ")
        let rest = text[text.utf8.index(after: close)...].drop { $0 == " " }
        guard rest.hasPrefix("- ") || rest.hasPrefix("— ") || rest.hasPrefix("– ") || rest.hasPrefix("-- "),
            place.allSatisfy({ $0.first?.isUppercase == true }),
            !agency.isEmpty, agency.count <= maxAgencyWords,
            agency.allSatisfy({ word in
                word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "&" }
            })
        else { return nil }
        return agency.joined(separator: " ")
    }

    /// The agency credited in the dateline of one of the article's first `agencyReach`
    /// paragraphs, when nothing else named an author.
    func findAgencyCredit(_ result: inout Result, blocks: [Block], stats: [BlockStats], region: Range<Int>) {
        let paragraphs = region.lazy.filter { blocks[$0].kind == .paragraph && stats[$0].words >= self.solidProseWords / 2 }
        for i in paragraphs.prefix(agencyReach) {
            guard let agency = agencyCredit(blocks[i].text) else { continue }
            result.setAuthors([agency], block: i, line: blocks[i].line, because: "agency in the dateline")
            return
        }
    }

    /// News agencies' names, lowercase (`Rules/metadata/news-agencies.txt`).
    static let newsAgencies: Set<String> = Set(loadList("metadata/news-agencies.txt"))

    /// Whether `text` is only a news agency's name ("The Associated Press", "REUTERS"): on a
    /// line of its own near the top it signs the article, as a person's name line does.
    static func isAgencyName(_ text: String) -> Bool {
        guard text.utf8.count <= maxAgencyNameBytes else { return false }
        var key = text.lowercased()
        if key.hasPrefix("the ") { key.removeFirst(4) }
        return newsAgencies.contains(key)
    }

    /// Longest line (bytes) that `isAgencyName` looks up: longer ones are sentences.
    static let maxAgencyNameBytes = 40
}
