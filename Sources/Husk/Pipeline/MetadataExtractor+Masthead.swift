/// The masthead of a page rendered without its links: its plain opening line.
extension MetadataExtractor {
    /// The page's opening line, when it reads as a masthead: the first line among the first
    /// `head` blocks with words or an image that no rule claimed (skip links), past menus (list
    /// items) and lone controls ("Search"); not a link, not after a logo, not a glued menu
    /// ("AcmeHome About Contact"), not a name over a date (the byline of a page whose header
    /// starts the text), not a line going on below ("Wednesday," / "November 20") and, past a
    /// menu, not shorter than `minOpeningWordsAfterMenu` (a submenu's label: "Sports", "Blogs").
    ///
    /// Markdown keeps the link that makes a masthead count (`mastheadWeight`); plain text and
    /// anonymised links lose it, and the site's name is then just the page's first line.
    /// The most words a brand line (a masthead naming the site) has.
    static let maxBrandLineWords = 5

    func plainOpeningLine(_ blocks: [Block], stats: [BlockStats], head: Int, datelines: Set<Int>) -> Int? {
        // An image without alt text names nothing: only a named one is a logo.
        func hasLogo(_ k: Int) -> Bool { blocks[k].imageAlts.contains { !$0.isEmpty } }
        // The lines of a follow row ("Instagram" / "YouTube" / "Email Signup") up to the next gap.
        let followRow = followRowLines(blocks, stats: stats, head: head)
        let opening = blocks.indices.prefix(head).first {
            (stats[$0].words > 0 || hasLogo($0)) && blocks[$0].ruleHits.isEmpty && (blocks[$0].kind != .listItem || hasLogo($0))
                && !Self.startsWithLetterBullet(blocks[$0].text) && !followRow.contains($0)
                && !(blocks[$0].text.utf8.count <= 256 && sitenameNoise.never.contains(blocks[$0].text.lowercased()))
        }
        guard let i = opening else { return nil }
        let next = ((i + 1)..<blocks.count).first { stats[$0].words > 0 }
        // Only a short line can be a brand line (`chooseSitename` votes for none longer), and a
        // long one is not split into words: an unbroken page can make it megabytes.
        guard stats[i].words <= Self.maxBrandLineWords, stats[i].linkDensity < 0.75, !(0...i).contains(where: hasLogo),
            !datelines.contains(i), next.map({ !datelines.contains($0) }) ?? true,
            !blocks[i].text.split(separator: " ").contains(where: { sitenameNoise.never.contains($0.lowercased()) }),
            blocks[i].text.last != ",",
            stats[i].words >= minOpeningWordsAfterMenu || !blocks[..<i].contains(where: { $0.kind == .listItem })
        else { return nil }
        return i
    }

    /// The blocks of the follow rows among the first `head`: a short line naming only social
    /// networks ("Instagram", "Facebook Twitter") and the lines that run on under it without a
    /// blank line between ("YouTube" / "Email Signup" / "RSS Feed"). A plain dump puts a page's
    /// follow links on lines of their own; none of them is the masthead.
    func followRowLines(_ blocks: [Block], stats: [BlockStats], head: Int) -> Set<Int> {
        var row = Set<Int>()
        var i = 0
        while i < min(head, blocks.count) {
            guard stats[i].words > 0, stats[i].words <= Self.maxBrandLineWords,
                blocks[i].text.split(separator: " ").allSatisfy({ Self.socialNetworks.contains($0.lowercased()) })
            else {
                i += 1
                continue
            }
            row.insert(i)
            i += 1
            while i < min(head, blocks.count), !blocks[i].gapBefore {
                row.insert(i)
                i += 1
            }
        }
        return row
    }

    /// Whether `text` stands as a step of a breadcrumb among `blocks` ("Gardening ›"): then it
    /// names a section, not the site.
    func isBreadcrumbStep(_ text: String, in blocks: ArraySlice<Block>) -> Bool {
        blocks.contains { block in
            guard block.text.count > text.count, block.text.hasPrefix(text) else { return false }
            let rest = block.text.dropFirst(text.count).trimmingSpaces
            return rest.count == 1 && breadcrumbMarks.contains(rest)
        }
    }

    /// Whether a word of `name` glues a word that is never a site name to the next one at a
    /// case change ("SubscribeSign in"): two controls a dump ran together, not a brand. Brands
    /// with inner capitals ("YouTube", "WordPress") glue no such word; short ones ("Me", "Us")
    /// end brands too ("ShopWithMe"), so only parts of `minGluedLabelLetters` count.
    func hasGluedNeverWord(_ name: String) -> Bool {
        func isNever(_ part: Substring) -> Bool { part.count >= minGluedLabelLetters && sitenameNoise.never.contains(part.lowercased()) }
        for word in name.split(separator: " ") where word.count > 3 {
            var start = word.startIndex
            var previous: Character? = nil
            for i in word.indices {
                defer { previous = word[i] }
                guard let p = previous, p.isLowercase, word[i].isUppercase else { continue }
                if isNever(word[start..<i]) { return true }
                start = i
            }
            if start != word.startIndex, isNever(word[start...]) { return true }
        }
        return false
    }
}
