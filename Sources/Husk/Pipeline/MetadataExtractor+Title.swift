/// Headline and byline-name choice.
extension MetadataExtractor {
    /// Two to four capitalised words, no function words, no digits: how a person's name looks.
    /// A row of social networks ("Facebook Youtube Linkedin") has that shape and is no name.
    static func isNameLike(_ block: Block, _ s: BlockStats) -> Bool {
        isNameLike([block], 0, s)
    }

    /// `isNameLike` of `blocks[i]`, read in place: a `Block` passed by value is copied first
    /// (a retain and release of each field), and title voting asks this of every candidate.
    static func isNameLike(_ blocks: [Block], _ i: Int, _ s: BlockStats) -> Bool {
        guard isNameShapedLine(text: blocks[i].text, hasRuleHits: !blocks[i].ruleHits.isEmpty, s) else { return false }
        return !blocks[i].text.containsWord { socialNetworks.contains($0.lowercased()) }
    }

    /// Social networks' names (`Rules/metadata/social-networks.txt`).
    static let socialNetworks: Set<String> = Set(loadList("metadata/social-networks.txt"))

    /// The shape test of `isNameLike`, on counts and bytes.
    private static func isNameShapedLine(text: String, hasRuleHits: Bool, _ s: BlockStats) -> Bool {
        // The counts first: most blocks fail them, and the word split and the character scan cost more.
        guard s.words >= 2 && s.words <= 4 && s.stopwords == 0 && s.capitalized == s.words && !hasRuleHits,
            text.utf8.count <= 160
        else { return false }
        // ASCII text (most names) is read on its bytes, where a character is a byte.
        let ascii: Bool? = text.withBytes { b in
            guard !b.contains(where: { $0 >= 0x80 }) else { return nil }
            guard b.count <= 40 else { return false }
            var words = 0
            var inWord = false
            for x in b {
                if x == 0x20 {
                    inWord = false
                    continue
                }
                if !inWord {
                    words += 1
                    inWord = true
                }
                let letter = (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A
                guard letter || x == 0x2E || x == 0x2D || x == 0x27 else { return false }
            }
            return words == s.words
        }
        if let ascii { return ascii }
        return text.count <= 40 && text.split(separator: " ").count == s.words
            && text.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "-" || $0 == "'" })
    }

    /// A line opening with a lone "o" before a capitalised word ("o Cheapest by State"): the
    /// bullet plain-text dumps give nested list items, which the markup reader keeps as text.
    static func startsWithLetterBullet(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count > 2, bytes.first == 0x6F else { return false }
        let second = bytes[bytes.index(after: bytes.startIndex)]
        let third = bytes[bytes.index(bytes.startIndex, offsetBy: 2)]
        return second == 0x20 && third >= 0x41 && third <= 0x5A
    }

    /// Shaped like a headline: a few words, no sentence end but a question mark ("What's Next
    /// in 2025?"), not a list item or a link.
    static func isHeadlineLike(_ block: Block, _ s: BlockStats) -> Bool {
        s.words >= 3 && s.words <= 20 && (!s.endsSentence || endsWithQuestionMark(block.text)) && s.linkDensity < 0.5
            && block.ruleHits.isEmpty && block.kind != .listItem && block.kind != .tableRow
    }

    /// A line holding only a byline label ("By", "Posted by", "Written by"), its name on the next
    /// line. The labels are data (`Rules/metadata/byline-labels.txt`).
    func isBareBylineLabel(_ text: String) -> Bool {
        guard text.utf8.count <= 40 else { return false }
        // Lowercasing never makes fewer characters: a line with more than the longest label's
        // is no label, known without building its key (asked of every title candidate).
        let characters = text.withBytes { UTF8Bytes.scalarCount(UnsafeBufferPointer(rebasing: $0[..<Self.labelEnd($0)])) }
        guard characters <= bylineLabelLongest else { return false }
        return bylineLabels.contains(Self.labelKey(text))
    }

    /// "Written by:" → "written by": the form the label list holds.
    static func labelKey(_ text: String) -> String {
        let end = text.withBytes { labelEnd($0) }
        return String(decoding: text.utf8.prefix(end), as: UTF8.self).lowercasedFast
    }

    /// Where a label's text ends before its trailing colons and spaces (":" and " ", or "："
    /// EF BC 9A), cut on bytes: asked of every short block, a cut by characters cost more
    /// than the lookup.
    static func labelEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = bytes.count
        while end > 0 {
            let last = bytes[end - 1]
            if last == 0x3A || last == 0x20 {
                end -= 1
            } else if last == 0x9A, end >= 3, bytes[end - 3] == 0xEF, bytes[end - 2] == 0xBC {
                end -= 3
            } else {
                break
            }
        }
        return end
    }

    /// The index of the only level-1 heading above `end`, when there is exactly one.
    /// A masthead is one too, but a menu follows it: then there is none.
    static func soleTopHeading(_ blocks: [Block], stats: [BlockStats], before end: Int) -> Int? {
        var found: Int? = nil
        for i in 0..<min(end, blocks.count) where blocks[i].kind == .heading && blocks[i].level == 1 {
            if found != nil { return nil }
            found = i
        }
        guard let found else { return nil }
        let next = ((found + 1)..<blocks.count).lazy.filter { stats[$0].words > 0 }.prefix(3)
        return next.contains { blocks[$0].kind == .listItem } ? nil : found
    }

    /// The headline: the best-scoring title-like block above the article. Headings score by
    /// level, a block just above the byline or dateline scores high, distance costs.
    func findTitle(
        _ blocks: [Block], stats: [BlockStats], region: Range<Int>, top: Int, byline: Int?, until: Int? = nil, rules: [Rule],
        siteHint: String?, datelines: Set<Int> = [], authorLines: Set<Int> = []
    ) -> (Int, String)? {
        let start = region.isEmpty ? top : region.lowerBound
        let limit = min(blocks.count, max(start + 2, (byline ?? 0) + 1, until ?? 0))
        var best: (score: Double, index: Int)? = nil
        // Texts by their FNV-1a hash (lines of a page share one with odds of about 1 in 10^13).
        var seenTexts = PackedKeySet()
        var repeated = PackedKeySet()
        // By index: `for block in blocks` copies every block.
        for i in blocks.indices where blocks[i].text.utf8.count < 300 {
            let key = FNV1a.key(blocks[i].text)
            if seenTexts.contains(key) { repeated.insert(key) } else { seenTexts.insert(key) }
        }
        // The article's words, from its prose below the candidates.
        var body = WordEcho()
        if max(limit, region.lowerBound) < region.upperBound {
            for j in max(limit, region.lowerBound)..<region.upperBound where stats[j].words >= 10 && blocks[j].kind == .paragraph {
                body.add(blocks[j].text)
            }
        }
        // The page's only top-level heading is its headline wherever the region starts: a
        // teaser list or a long menu above it can pull the region's start far from it.
        let soleTopHeading = Self.soleTopHeading(blocks, stats: stats, before: region.isEmpty ? blocks.count : region.upperBound)
        let extra = soleTopHeading.map { $0 >= limit ? [$0] : [] } ?? []
        let firstAuthorLine = authorLines.min()
        let contents = tableOfContentsItems(blocks, rules: rules, before: max(limit, (extra.first ?? 0) + 1))
        for i in Array(0..<limit) + extra where !contents.contains(i) {
            let s = stats[i]
            // A headline has words of letters: "$289 - $1,000+" is a price, not a title.
            // A headline heading may link to the article's own address (markdown keeps the link).
            let linkedHeading = blocks[i].kind == .heading && blocks[i].level <= maxLinkedHeadlineLevel
            guard s.words >= 2, s.letterWords >= 2, s.words <= maxTitleWords, s.linkDensity < 0.5 || linkedHeading, s.characters <= 250,
                !blocks[i].ruleHits.contains(where: { rules[$0.rule].action != .hint })
            else { continue }
            // The site's own name (known from its copyright line) is the masthead, not the headline.
            if let site = siteHint, !site.isEmpty, blocks[i].text.lowercasedFast == site.lowercasedFast { continue }
            var score = 0.0
            // A line of bare heading marks above ("#", then the text): the heading's text fell
            // onto the next line, as converters render a heading whose content starts on a new line.
            let level = blocks[i].kind == .heading ? blocks[i].level : i > 0 ? Self.bareHeadingLevel(blocks[i - 1].text) : nil
            if let level { score += level == 1 ? 4 : (level == 2 ? 2.5 : 1.5) }
            if let byline, byline > i, byline - i <= 3 { score += 3 - Double(byline - i) * 0.5 }
            // A dateline just below ("November 19, 2019 at 9:45 am") marks the headline as a
            // byline does, for pages whose date no rule names (plain renderings, no markup).
            else if let d = (1...3).first(where: { datelines.contains(i + $0) }) { score += 2.5 - Double(d) * 0.5 }
            // The author's line below when the first header line (a dateline) sat above.
            else if let d = (1...3).first(where: { authorLines.contains(i + $0) }) { score += 3 - Double(d) * 0.5 }
            // A headline stands above its author's byline: a line below it is the article's
            // own. (A dateline may come first, above the headline: only a name line counts.)
            if let firstAuthorLine, i > firstAuthorLine { score -= belowBylineCost }
            let distance = i == soleTopHeading ? 0 : abs(start - i)
            if distance <= 3 { score += 1 } else if distance <= 8 { score += 0.5 }
            // A question is a headline's common form ("What Is X?"); a full stop or an
            // exclamation ends a caption, a lede or a prompt.
            if s.endsSentence { score -= Self.endsWithQuestionMark(blocks[i].text) ? questionEndCost : 1.5 }
            // A longer statement ending in a full stop is a lede or a caption; headlines drop the stop.
            if s.endsSentence && blocks[i].text.hasSuffix(".") && s.words > statementMinWords { score -= statementPenalty }
            if blocks[i].kind == .listItem || blocks[i].kind == .tableRow || Self.startsWithLetterBullet(blocks[i].text) { score -= 2 }
            if blocks[i].emphasized { score -= 0.5 }
            if s.startsUpper { score += 0.5 }
            if s.words >= 4 { score += 0.5 }
            if s.words >= 5 && s.words <= 14 { score += 0.5 }
            if s.words > 16 { score -= 0.5 }
            // A short all-capitals line is a section label ("WORLD NEWS"), not a headline.
            let text = blocks[i].text
            // A longer one is a label strip or a menu ("DATA BLOG EXPERT NLP SOLUTIONS").
            if Self.isAllCaps(text) { score -= s.words <= 4 ? 1.5 : 1.0 }
            // A dateline, a label ending in a colon, or a byline with a role ("Jane Doe, AP
            // National Writer") is what sits around a headline, not the headline.
            if datelines.contains(i) { score -= 3 }
            if text.hasSuffix(":") { score -= 2 }
            if s.words <= 8 && text.utf8.contains(0x2C) && text.containsWord(where: { bylineNoise.contains($0.lowercased()) }) {
                score -= 2
            }
            // A person's name is the byline, and the line above it the headline.
            if Self.isNameLike(blocks, i, s) || Self.isAgencyName(text) { score -= 2 }
            // So is the line under a bare byline label ("By" / "Jane Doe").
            if i > 0, isBareBylineLabel(blocks[i - 1].text) { score -= labelledNameCost }
            // So is a short role line ("Co-founder of Acme", "Senior Editor").
            if s.words <= 6 && text.containsWord(where: { isRoleWord($0) }) { score -= 2 }
            // A list item's next item is its sibling in the list (a table of contents, a
            // menu), not a byline, however name-like it is ("Mobile Platforms").
            let siblingItem = blocks[i].kind == .listItem && i + 1 < blocks.count && blocks[i + 1].kind == .listItem
            if i + 1 < blocks.count, byline != i + 1,
                isBareBylineLabel(blocks[i + 1].text) || !siblingItem && Self.isNameLike(blocks, i + 1, stats[i + 1])
            {
                score += 2.5
            } else if i + 2 < blocks.count, byline != i + 2, isBareBylineLabel(blocks[i + 2].text), stats[i + 1].endsSentence {
                // Headline, a one-sentence standfirst, then the bare label ("By") over the name.
                score += 2.5 - labelGapCost
            } else if i + 2 < blocks.count, byline != i + 2, blocks[i].kind != .listItem, Self.isNameLike(blocks, i + 2, stats[i + 2]),
                stats[i + 1].words > s.words, Self.isHeadlineLike(blocks[i + 1], stats[i + 1]), blocks[i + 1].kind == blocks[i].kind
            {
                // Headline, a longer subheading, then the name line ("Jane Doe"): the name
                // marks the headline above the subheading as a byline label would.
                score += 2.5 - labelGapCost
            }

            // Headline, standfirst, byline: a longer line between a shorter headline-like line
            // and the byline (or dateline) right under it is the standfirst (dek), also when a
            // plain dump indents it under the headline (never the other way round).
            // A name line right under is a byline too.
            let nameBelow = i + 1 < blocks.count && Self.isNameLike(blocks, i + 1, stats[i + 1])
            if i > 0, byline == i + 1 || datelines.contains(i + 1) || nameBelow, Self.isHeadlineLike(blocks[i - 1], stats[i - 1]),
                stats[i - 1].words < s.words, blocks[i - 1].kind == blocks[i].kind, blocks[i - 1].indent <= blocks[i].indent
            {
                score -= deckPenalty
            } else if i > 1, byline == i + 1 || datelines.contains(i + 1) || authorLines.contains(i + 1) || nameBelow,
                let j = stride(from: i - 1, through: max(1, i - deckReach), by: -1).first(where: { stats[$0].words > 0 }),
                Self.isHeadlineLike(blocks[j], stats[j]), stats[j].words >= s.words, blocks[j].kind == blocks[i].kind,
                blocks[j].indent <= blocks[i].indent
            {
                // A shorter line under a headline, over the byline: the subheading (deck). Only
                // blocks without words (an image) may stand between them: past a breadcrumb
                // the line above is a menu. The page's first line (its masthead) heads no deck.
                score -= subheadingPenalty
            }
            if s.letterWords > 0 && Double(s.capitalized) / Double(s.letterWords) >= 0.5 { score += 0.5 }
            // Pages often repeat their headline (breadcrumb, share text, page title).
            if repeated.contains(FNV1a.key(text)) { score += 1 }
            // "Headline | Site" with the site the page names elsewhere is the page's own title.
            if let site = siteHint, Self.splitSiteSuffix(blocks[i].text, known: site) != nil { score += 3 }
            // A headline's words come back in the article; a masthead's or a menu label's do not.
            if !body.isEmpty, let overlap = body.overlap(text) { score += titleEchoWeight * overlap }
            score -= 0.05 * Double(distance)
            if score >= minTitleScore && score > (best?.score ?? -Double.infinity) { best = (score, i) }
        }
        guard let best else { return nil }
        return (best.index, blocks[best.index].text)
    }

    /// The level of a line that is only heading marks ("#", "## "): 1 to 6, else nil.
    static func bareHeadingLevel(_ text: String) -> Int? {
        // On bytes, without collecting them: asked of the line above every title candidate.
        var marks = 0
        for b in text.utf8 where b != 0x20 {
            guard b == 0x23 else { return nil }
            marks += 1
        }
        return (1...6).contains(marks) ? marks : nil
    }

    /// Whether `text` ends in a question mark (ASCII or full-width), before any closing quote.
    static func endsWithQuestionMark(_ text: String) -> Bool {
        let end = text.reversed().first { !"\"'”’»)*_ ".contains($0) }
        return end == "?" || end == "？"
    }

    /// Whether text is in capitals (it has a cased letter and no lowercase one), decided on
    /// bytes for ASCII text with typographic punctuation.
    static func isAllCaps(_ text: String) -> Bool {
        let ascii: Bool? = text.withBytes { bytes in
            guard UTF8Bytes.isASCIIOrPunctuation(bytes) else { return nil }
            return !bytes.contains { $0 >= 0x61 && $0 <= 0x7A } && bytes.contains { $0 >= 0x41 && $0 <= 0x5A }
        }
        return ascii ?? (text == text.uppercased() && text != text.lowercased())
    }

    /// The standfirst (dek): a sentence-length paragraph right under the headline, before any
    /// byline or dateline. It stays in the body too; the header only repeats it.
    func findStandfirst(_ result: inout Result, blocks: [Block], stats: [BlockStats], after title: Int, rules: [Rule]) {
        let i = title + 1
        guard i < blocks.count, blocks[i].kind == .paragraph || blocks[i].kind == .heading,
            stats[i].words >= 8, stats[i].words <= maxStandfirstWords, stats[i].linkDensity < 0.2, blocks[i].ruleHits.isEmpty
        else { return }
        // Only when a byline or dateline follows: otherwise this is the article's first paragraph.
        let next = blocks[(i + 1)..<min(blocks.count, i + 3)]
        guard next.contains(where: { block in
            block.ruleHits.contains { if case .extract = rules[$0.rule].action { return true } else { return false } }
        }) else { return }
        result.metadata.description = blocks[i].text
        result.provenance["description"] = "line \(blocks[i].line), paragraph under the title"
    }
}
