import Foundation

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
    var companySuffixes: [String] = MetadataExtractor.loadSuffixes()
    var bylineNoise: Set<String> = Set(MetadataExtractor.loadList("metadata/byline-noise.txt"))
    /// How many blocks past the start of the main region still count as "near the top".
    var topSlack = 4
    /// How many blocks past the start of the main region a dateline may sit.
    var dateSlack = 10
    var maxTitleWords = 30
    /// Evidence a block needs before it is called the title (see `findTitle`).
    var minTitleScore = 1.5
    /// Votes a site-name candidate needs (see `chooseSitename`).
    var minSiteScore = 1.5

    func extract(_ blocks: [Block], stats: [BlockStats], region: Range<Int>, rules: [Rule], language: String?) -> Result {
        var result = Result()
        let top = min(blocks.count, (region.isEmpty ? min(blocks.count, 40) : region.lowerBound) + topSlack)
        // Dates sit near the headline but sometimes below the first paragraphs or an image.
        let dateTop = min(blocks.count, (region.isEmpty ? min(blocks.count, 40) : region.lowerBound) + dateSlack)
        // Rule extractions, first occurrence wins (published date before updated).
        for i in blocks.indices {
            for hit in blocks[i].ruleHits {
                guard case .extract(let field) = rules[hit.rule].action, let raw = hit.captured else { continue }
                let inTop = i < top
                switch field {
                case "author" where inTop && result.metadata.authors.isEmpty:
                    let names = authors(from: raw)
                    if !names.isEmpty {
                        result.metadata.authors = names
                        result.provenance["author"] = "line \(blocks[i].line), rule \(rules[hit.rule].id)"
                    }
                case "date" where i < dateTop && result.metadata.date == nil:
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
            for i in 0..<dateTop where stats[i].words <= 16 && blocks[i].kind != .quote {
                if let day = dates.firstDate(in: blocks[i].text, language: language) {
                    result.metadata.date = day
                    result.provenance["date"] = "line \(blocks[i].line), date pattern"
                    break
                }
            }
        }
        let bylineIndex = blocks.indices.first { i in
            i < top && blocks[i].ruleHits.contains { hit in
                if case .extract(let field) = rules[hit.rule].action { return field == "author" || field == "date" }
                return false
            }
        }
        if let (index, title) = findTitle(
            blocks, stats: stats, region: region, top: top, byline: bylineIndex, rules: rules,
            siteHint: result.metadata.sitename.map { Self.stripLegalForm($0, suffixes: companySuffixes) }) {
            var headline = title
            let knownSite = result.metadata.sitename.map { Self.stripLegalForm($0, suffixes: companySuffixes) }
            if let (head, site) = Self.splitSiteSuffix(title, known: knownSite) {
                headline = head
                if result.metadata.sitename == nil {
                    result.metadata.sitename = site
                    result.provenance["sitename"] = "line \(blocks[index].line), title suffix"
                }
            }
            result.metadata.title = headline
            result.provenance["title"] = "line \(blocks[index].line)"
            result.consumed[index] = "title"
        }
        chooseSitename(&result, blocks: blocks, stats: stats)
        if let titleIndex = result.consumed.first(where: { $0.value == "title" })?.key {
            preferDateNearTitle(&result, blocks: blocks, stats: stats, title: titleIndex, rules: rules, language: language)
        }
        if let titleIndex = result.consumed.first(where: { $0.value == "title" })?.key {
            if result.metadata.authors.isEmpty {
                findNameLine(&result, blocks: blocks, stats: stats, after: titleIndex)
            }
            findStandfirst(&result, blocks: blocks, stats: stats, after: titleIndex, rules: rules)
        }
        return result
    }

    /// The standfirst (dek): a sentence-length paragraph right under the headline, before any
    /// byline or dateline. It stays in the body too; the header only repeats it.
    private func findStandfirst(_ result: inout Result, blocks: [Block], stats: [BlockStats], after title: Int, rules: [Rule]) {
        let i = title + 1
        guard i < blocks.count, blocks[i].kind == .paragraph || blocks[i].kind == .heading,
            stats[i].words >= 8, stats[i].words <= 60, stats[i].linkDensity < 0.2, blocks[i].ruleHits.isEmpty
        else { return }
        // Only when a byline or dateline follows: otherwise this is the article's first paragraph.
        let next = blocks[(i + 1)..<min(blocks.count, i + 3)]
        guard next.contains(where: { block in
            block.ruleHits.contains { if case .extract = rules[$0.rule].action { return true } else { return false } }
        }) else { return }
        result.metadata.description = blocks[i].text
        result.provenance["description"] = "line \(blocks[i].line), paragraph under the title"
    }

    /// The publication date sits by the headline: when a date line lies within a few blocks of
    /// the title, it wins over a date found higher up (a ticker, a menu, another item's date).
    private func preferDateNearTitle(
        _ result: inout Result, blocks: [Block], stats: [BlockStats], title: Int, rules: [Rule], language: String?
    ) {
        var best: (distance: Int, day: String, index: Int)? = nil
        for i in max(0, title - 4)..<min(blocks.count, title + 11) where i != title {
            guard stats[i].words <= 24, blocks[i].kind != .quote else { continue }
            let isUpdateLine = blocks[i].ruleHits.contains { hit in
                if case .extract("updated") = rules[hit.rule].action { return true } else { return false }
            }
            guard let day = dates.firstDate(in: blocks[i].text, language: language) else { continue }
            // After the title counts a little closer than the same distance before it.
            let distance = i > title ? (i - title) * 2 - 1 : (title - i) * 2
            if isUpdateLine && day == result.metadata.updated && !blocks[i].text.lowercased().contains("publish") { continue }
            if distance < (best?.distance ?? Int.max) { best = (distance, day, i) }
        }
        guard let best, best.day != result.metadata.date else { return }
        result.metadata.date = best.day
        result.provenance["date"] = "line \(blocks[best.index].line), date next to the title"
    }

    /// Two to four capitalised words, no function words, no digits: how a person's name looks.
    static func isNameLike(_ block: Block, _ s: BlockStats) -> Bool {
        let words = block.text.split(separator: " ")
        return s.words >= 2 && s.words <= 4 && words.count == s.words && s.stopwords == 0 && s.capitalized == s.words
            && block.text.count <= 40 && block.ruleHits.isEmpty
            && block.text.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "-" || $0 == "'" })
    }

    /// A line holding only a byline label ("By", "Posted by", "Written by"), its name on the next line.
    static func isBareBylineLabel(_ text: String) -> Bool {
        ["by", "posted by", "written by", "author", "author:", "by:", "words by"].contains(text.lowercased())
    }

    /// A byline with no "By": a line of two to four capitalised words and no function words
    /// right under the headline ("Jane Doe", then the date).
    private func findNameLine(_ result: inout Result, blocks: [Block], stats: [BlockStats], after title: Int) {
        for i in (title + 1)..<min(blocks.count, title + 4) {
            guard Self.isNameLike(blocks[i], stats[i]), blocks[i].kind == .paragraph || blocks[i].kind == .listItem,
                blocks[i].text != result.metadata.sitename
            else { continue }
            result.metadata.authors = [blocks[i].text]
            result.provenance["author"] = "line \(blocks[i].line), name line under the title"
            result.consumed[i] = "author"
            return
        }
    }

    /// Site name by votes: the page's own title suffix, logo alt texts and "X homepage" lines at
    /// the top, "Follow X on Twitter", the copyright holder (legal form removed) and short brand
    /// lines; each candidate also gains from the other places the page names it.
    private func chooseSitename(_ result: inout Result, blocks: [Block], stats: [BlockStats]) {
        var votes: [String: (name: String, score: Double, source: String)] = [:]
        func vote(_ raw: String, _ weight: Double, _ source: String) {
            let name = Self.cleanName(Self.stripBrandWords(raw))
            let words = name.split(separator: " ").count
            guard !name.isEmpty, words <= 6, name.count <= 60, name.count >= 2 else { return }
            let key = name.lowercased()
            let previous = votes[key]
            votes[key] = (previous?.name ?? name, (previous?.score ?? 0) + weight, previous?.source ?? source)
        }
        if let current = result.metadata.sitename {
            let fromTitle = result.provenance["sitename"]?.hasSuffix("title suffix") == true
            vote(fromTitle ? current : Self.stripLegalForm(current, suffixes: companySuffixes), fromTitle ? 2.5 : 1.5,
                 result.provenance["sitename"] ?? "")
        }
        let head = min(blocks.count, 12)
        var brandVoted = false
        for i in 0..<head {
            for alt in blocks[i].imageAlts.prefix(2) where i < 6 { vote(alt, 2, "line \(blocks[i].line), logo image") }
            let text = blocks[i].text
            let lower = text.lowercased()
            for suffix in [" homepage", " home page", " logo"] where lower.hasSuffix(suffix) && stats[i].words <= 7 {
                vote(String(text.dropLast(suffix.count)), 2, "line \(blocks[i].line), homepage link")
            }
            // Only the first short linked or heading line: the logo link, not the menu after it.
            if !brandVoted, stats[i].words >= 1, stats[i].words <= 5, text.count <= 50, !stats[i].endsSentence,
                blocks[i].ruleHits.isEmpty, stats[i].linkDensity >= 0.75 || blocks[i].kind == .heading || i == 0
            {
                vote(text, 1, "line \(blocks[i].line), brand line")
                brandVoted = true
            }
        }
        for block in blocks where block.text.utf8.count < 80 {
            // "Follow X on Twitter": words, never indices carried across a case change.
            let words = block.text.split(separator: " ")
            guard words.count >= 4, words[0].lowercased() == "follow",
                let on = words.indices.dropFirst(2).first(where: { words[$0].lowercased() == "on" })
            else { continue }
            vote(words[1..<on].joined(separator: " "), 1, "line \(block.line), follow prompt")
            break
        }
        guard !votes.isEmpty else { return }
        // Mentions elsewhere on the page, counted on short blocks only.
        let short = blocks.filter { $0.text.utf8.count <= 200 }.map { $0.text.lowercased() }
        for (key, entry) in votes {
            let mentions = short.filter { $0.contains(key) }.count
            votes[key] = (entry.name, entry.score + min(1.5, 0.5 * Double(max(0, mentions - 1))), entry.source)
        }
        guard let best = votes.values.max(by: { $0.score < $1.score || $0.score == $1.score && $0.name > $1.name }),
            best.score >= minSiteScore
        else {
            result.metadata.sitename = nil
            result.provenance["sitename"] = nil
            return
        }
        result.metadata.sitename = best.name
        result.provenance["sitename"] = best.source
    }

    /// Words that decorate a brand name in alt texts and links ("Vox logo", "IGN Logo").
    static func stripBrandWords(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        while let last = words.last, ["logo", "homepage", "home", "icon", "image"].contains(last.lowercased()) {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }

    /// "Headline | Site" or "Headline - Site": the headline and the site, when the suffix is short.
    static func splitSiteSuffix(_ title: String, known: String?) -> (String, String)? {
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · "] {
            guard let (headPart, tailPart) = title.splitAtLast(separator) else { continue }
            let head = headPart.trimmingSpaces
            let tail = tailPart.trimmingSpaces
            if let known, tail.lowercased() == known.lowercased() { return (head, tail) }
            if known == nil, tail.split(separator: " ").count <= 4, head.split(separator: " ").count >= 3 { return (head, tail) }
        }
        return nil
    }

    /// A copyright holder without year, trailing clauses and legal form.
    static func stripLegalForm(_ name: String, suffixes: [String]) -> String {
        var out = name
        for cut in [" · ", " | ", " — ", " – ", " - ", ". "] {
            if let r = out.range(of: cut) { out = String(out[..<r.lowerBound]) }
        }
        var words = out.split(separator: " ").map(String.init)
        while let last = words.last, last.count == 4, last.allSatisfy(\.isNumber) { words.removeLast() }
        var changed = true
        while changed && words.count > 1 {
            changed = false
            for suffix in suffixes {
                let parts = suffix.split(separator: " ").map { $0.lowercased() }
                guard parts.count < words.count else { continue }
                let tail = words.suffix(parts.count).map { $0.lowercased() }
                let bare = { (x: [String]) in x.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,")) } }
                if tail == parts || bare(tail) == bare(parts) {
                    words.removeLast(parts.count)
                    changed = true
                    break
                }
            }
        }
        return cleanName(words.joined(separator: " "))
    }

    /// The headline: the best-scoring title-like block above the article. Headings score by
    /// level, a block just above the byline or dateline scores high, distance costs.
    private func findTitle(
        _ blocks: [Block], stats: [BlockStats], region: Range<Int>, top: Int, byline: Int?, rules: [Rule],
        siteHint: String?
    ) -> (Int, String)? {
        let start = region.isEmpty ? top : region.lowerBound
        let limit = min(blocks.count, max(start + 2, (byline ?? 0) + 1))
        var best: (score: Double, index: Int)? = nil
        var seenTexts = Set<String>()
        var repeated = Set<String>()
        for block in blocks where block.text.utf8.count < 300 {
            if !seenTexts.insert(block.text).inserted { repeated.insert(block.text) }
        }
        for i in 0..<limit {
            let s = stats[i]
            guard s.words >= 2, s.words <= maxTitleWords, s.linkDensity < 0.5, s.characters <= 250,
                !blocks[i].ruleHits.contains(where: { rules[$0.rule].action != .hint })
            else { continue }
            var score = 0.0
            if blocks[i].kind == .heading { score += blocks[i].level == 1 ? 4 : (blocks[i].level == 2 ? 2.5 : 1.5) }
            if let byline, byline > i, byline - i <= 3 { score += 3 - Double(byline - i) * 0.5 }
            let distance = abs(start - i)
            if distance <= 3 { score += 1 } else if distance <= 8 { score += 0.5 }
            if s.endsSentence { score -= 1.5 }
            if blocks[i].kind == .listItem || blocks[i].kind == .tableRow { score -= 2 }
            if blocks[i].emphasized { score -= 0.5 }
            if s.startsUpper { score += 0.5 }
            if s.words >= 4 { score += 0.5 }
            if s.words >= 5 && s.words <= 14 { score += 0.5 }
            if s.words > 16 { score -= 0.5 }
            // A short all-capitals line is a section label ("WORLD NEWS"), not a headline.
            let text = blocks[i].text
            if s.words <= 4 && text == text.uppercased() && text != text.lowercased() { score -= 1.5 }
            // A person's name is the byline, and the line above it the headline.
            if Self.isNameLike(blocks[i], s) { score -= 2 }
            if i + 1 < blocks.count, byline != i + 1,
                Self.isBareBylineLabel(blocks[i + 1].text) || Self.isNameLike(blocks[i + 1], stats[i + 1])
            {
                score += 2.5
            }

            if s.letterWords > 0 && Double(s.capitalized) / Double(s.letterWords) >= 0.5 { score += 0.5 }
            // Pages often repeat their headline (breadcrumb, share text, page title).
            if repeated.contains(blocks[i].text) { score += 1 }
            // "Headline | Site" with the site the page names elsewhere is the page's own title.
            if let site = siteHint, Self.splitSiteSuffix(blocks[i].text, known: site) != nil { score += 3 }
            score -= 0.05 * Double(distance)
            if score >= minTitleScore && score > (best?.score ?? -Double.infinity) { best = (score, i) }
        }
        guard let best else { return nil }
        return (best.index, blocks[best.index].text)
    }

    /// Names from a byline: roles, emails and dates removed, joins split.
    func authors(from raw: String) -> [String] {
        var text = raw
        for cut in [" | ", " - ", " — ", " – ", "\u{00B7}", " @", "@", " / ", "(", "\u{2022}"] {
            if let r = text.range(of: cut) { text = String(text[..<r.lowerBound]) }
        }
        var names: [String] = []
        let separators = [
            " and ", " & ", ", ", " und ", " et ", " y ", " e ", " og ", " och ", " en ", " и ", " i ", " a ", " és ",
            " și ", " ve ", " ja ", " và ", " dan ", " και ", "、", "，", " і ",
        ]
        var parts = [text]
        for sep in separators {
            parts = parts.flatMap { $0.splitting(on: sep) }
        }
        for part in parts {
            var words: [Substring] = []
            for word in part.split(separator: " ") {
                let bare = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,:;"))
                // A noise word ends the name, but never as its first word ("Jan Kratochvíl", "June Lee").
                if (!words.isEmpty && bylineNoise.contains(bare)) || word.contains(where: \.isNumber) { break }
                words.append(word)
            }
            // A part made of role words only ("Staff Writer") is no name.
            if words.allSatisfy({ bylineNoise.contains($0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,:;"))) }) {
                continue
            }
            // "Sean Martin Sean Martin": a name printed twice (link text plus label).
            if words.count >= 4 && words.count % 2 == 0 && Array(words[..<(words.count / 2)]) == Array(words[(words.count / 2)...]) {
                words.removeLast(words.count / 2)
            }
            let name = Self.cleanName(words.joined(separator: " "))
            guard !name.isEmpty, words.count <= 5, !name.contains("@") else { continue }
            if !names.contains(name) { names.append(name) }
            if names.count == 1 && words.count < part.split(separator: " ").count { break }
        }
        return names
    }

    static func loadList(_ name: String) -> [String] {
        (EmbeddedRules.files[name] ?? "").split(separator: "\n")
            .map { $0.trimmingSpaces }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func loadSuffixes() -> [String] {
        (EmbeddedRules.files["metadata/company-suffixes.txt"] ?? "").split(separator: "\n")
            .map { $0.trimmingSpaces }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .sorted { $0.split(separator: " ").count > $1.split(separator: " ").count }
    }

    static func cleanName(_ raw: String) -> String {
        var s = raw.trimmingSpaces
        while let last = s.last, ".,;:|-–—«»\"“”„'".contains(last) || last == " " { s.removeLast() }
        while let first = s.first, ".,;:|-–—«»\"“”„'".contains(first) || first == " " { s.removeFirst() }
        return s
    }
}

extension String {
    /// The text before and after the last occurrence of `separator`, found on bytes.
    func splitAtLast(_ separator: String) -> (String, String)? {
        let bytes = Array(utf8)
        let sep = Array(separator.utf8)
        guard bytes.count > sep.count, !sep.isEmpty else { return nil }
        var k = bytes.count - sep.count
        while k >= 0 {
            if bytes[k] == sep[0] && Array(bytes[k..<(k + sep.count)]) == sep {
                return (String(decoding: bytes[..<k], as: UTF8.self), String(decoding: bytes[(k + sep.count)...], as: UTF8.self))
            }
            k -= 1
        }
        return nil
    }

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
