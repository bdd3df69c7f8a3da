/// Reads the document's headers from its text: title, authors, dates, site, source, tags.
///
/// Only evidence near the article's start counts for title, byline and date (a date in a
/// comment or a related-article teaser is not the publication date), and every field is left
/// out when the text does not show it.
struct MetadataExtractor {
    struct Result {
        var metadata = Metadata()
        var provenance: [String: String] = [:]
        /// Blocks whose whole text became a header (dropped from the body).
        var consumed: [Int: String] = [:]
    }

    let dates: DateFinder
    /// How many blocks past the start of the main region still count as "near the top".
    var topSlack = 4
    var maxTitleWords = 30

    func extract(_ blocks: [Block], stats: [BlockStats], region: Range<Int>, rules: [Rule], language: String?) -> Result {
        var result = Result()
        let top = min(blocks.count, (region.isEmpty ? min(blocks.count, 40) : region.lowerBound) + topSlack)
        // Rule extractions, first occurrence wins (published date before updated).
        for i in blocks.indices {
            for hit in blocks[i].ruleHits {
                guard case .extract(let field) = rules[hit.rule].action, let raw = hit.captured else { continue }
                let inTop = i < top
                switch field {
                case "author" where inTop && result.metadata.authors.isEmpty:
                    let names = Self.authors(from: raw)
                    if !names.isEmpty {
                        result.metadata.authors = names
                        result.provenance["author"] = "line \(blocks[i].line), rule \(rules[hit.rule].id)"
                    }
                case "date" where inTop && result.metadata.date == nil:
                    if let day = dates.firstDate(in: raw, language: language) {
                        result.metadata.date = day
                        result.provenance["date"] = "line \(blocks[i].line), rule \(rules[hit.rule].id)"
                    }
                case "updated" where inTop && result.metadata.updated == nil:
                    if let day = dates.firstDate(in: raw, language: language) {
                        result.metadata.updated = day
                        result.provenance["updated"] = "line \(blocks[i].line), rule \(rules[hit.rule].id)"
                    }
                case "sitename" where result.metadata.sitename == nil:
                    let name = Self.cleanName(raw)
                    if !name.isEmpty && name.split(separator: " ").count <= 6 {
                        result.metadata.sitename = name
                        result.provenance["sitename"] = "line \(blocks[i].line), rule \(rules[hit.rule].id)"
                    }
                case "source" where result.metadata.source == nil:
                    let name = Self.cleanName(raw)
                    if !name.isEmpty { result.metadata.source = name }
                case "tags" where result.metadata.tags.isEmpty:
                    result.metadata.tags = raw.split(whereSeparator: { $0 == "," || $0 == "|" || $0 == ";" })
                        .map { $0.trimmingSpaces }.filter { !$0.isEmpty }
                default:
                    continue
                }
            }
        }
        // A date line near the top, when no rule named one.
        if result.metadata.date == nil {
            for i in 0..<top where stats[i].words <= 16 {
                if let day = dates.firstDate(in: blocks[i].text, language: language) {
                    result.metadata.date = day
                    result.provenance["date"] = "line \(blocks[i].line), date pattern"
                    break
                }
            }
        }
        if let (index, title) = findTitle(blocks, stats: stats, region: region, top: top) {
            result.metadata.title = title
            result.provenance["title"] = "line \(blocks[index].line)"
            result.consumed[index] = "title"
        }
        return result
    }

    /// The headline: the first level-1 heading near the top, else the heading closest above
    /// the main region, else a short title-like line just above it.
    private func findTitle(_ blocks: [Block], stats: [BlockStats], region: Range<Int>, top: Int) -> (Int, String)? {
        let start = region.isEmpty ? top : region.lowerBound
        let limit = min(blocks.count, start + 2)
        func usable(_ i: Int) -> Bool {
            stats[i].words >= 2 && stats[i].words <= maxTitleWords && stats[i].linkDensity < 0.6
        }
        if let h1 = (0..<limit).first(where: { blocks[$0].kind == .heading && blocks[$0].level == 1 && usable($0) }) {
            return (h1, blocks[h1].text)
        }
        if let h = (0..<limit).reversed().first(where: { blocks[$0].kind == .heading && blocks[$0].level <= 3 && usable($0) }) {
            return (h, blocks[h].text)
        }
        var i = start - 1
        var steps = 0
        while i >= 0 && steps < 8 {
            let s = stats[i]
            if usable(i) && s.words >= 3 && !s.endsSentence && s.startsUpper && blocks[i].ruleHits.isEmpty
                && blocks[i].kind == .paragraph && s.linkDensity == 0
            {
                return (i, blocks[i].text)
            }
            i -= 1
            steps += 1
        }
        return nil
    }

    /// Names from a byline: roles, emails and dates removed, joins split.
    static func authors(from raw: String) -> [String] {
        var text = raw
        for cut in [" | ", " - ", " — ", " – ", "\u{00B7}", " on ", " @ "] {
            if let r = text.range(of: cut) { text = String(text[..<r.lowerBound]) }
        }
        var names: [String] = []
        let separators = [" and ", " & ", ", ", " und ", " et ", " y ", " e ", " og ", " och ", " en ", " и "]
        var parts = [text]
        for sep in separators {
            parts = parts.flatMap { $0.splitting(on: sep) }
        }
        for part in parts {
            let name = cleanName(part)
            let words = name.split(separator: " ")
            guard !name.isEmpty, words.count <= 5, !name.contains("@"),
                !name.unicodeScalars.contains(where: { $0.properties.numericType != nil })
            else { continue }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    static func cleanName(_ raw: String) -> String {
        var s = raw.trimmingSpaces
        while let last = s.last, ".,;:|-–—".contains(last) || last == " " { s.removeLast() }
        while let first = s.first, ".,;:|-–—".contains(first) || first == " " { s.removeFirst() }
        return s
    }
}

extension String {
    func splitting(on separator: String) -> [String] {
        var out: [String] = []
        var rest = Substring(self)
        while let r = rest.range(of: separator) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }
}
