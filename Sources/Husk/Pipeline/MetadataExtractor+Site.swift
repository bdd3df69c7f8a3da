#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Site name and title-suffix reading.
extension MetadataExtractor {
    /// Site name by votes: the page's own title suffix, logo alt texts and "X homepage" lines at
    /// the top, "Follow X on Twitter", the copyright holder (legal form removed) and short brand
    /// lines; each candidate also gains from the other places the page names it. `datelines`
    /// are the short lines near the top that hold a date.
    func chooseSitename(_ result: inout Result, blocks: [Block], stats: [BlockStats], vocabulary: ProseVocabulary, datelines: Set<Int> = []) {
        var votes: [String: (name: String, score: Double, source: String)] = [:]
        func vote(_ raw: String, _ weight: Double, _ source: String) {
            let name = sitenameWithoutNoise(Self.cleanName(Self.stripBrandWords(raw)))
            let words = name.split(separator: " ").count
            // "Copyright © 2013 - 2025" leaves a year's digits: a name has letters.
            guard !name.isEmpty, words <= Self.maxSiteNameWords, name.count <= 60, name.count >= 2, name.contains(where: \.isLetter),
                !Self.looksLikeFileName(name), !hasGluedNeverWord(name)
            else { return }
            let key = Self.siteKey(name)
            let previous = votes[key]
            votes[key] = (previous?.name ?? name, (previous?.score ?? 0) + weight, previous?.source ?? source)
        }
        if let current = result.metadata.sitename {
            let fromTitle = result.provenance["sitename"]?.hasSuffix("title suffix") == true
            vote(fromTitle ? current : Self.stripLegalForm(current, suffixes: companySuffixes), fromTitle ? 2.5 : copyrightWeight,
                 result.provenance["sitename"] ?? "")
        }
        for holder in trailingCopyrightHolders(blocks) {
            vote(holder, copyrightWeight, Self.copyrightNoticeSource)
        }
        let head = min(blocks.count, 12)
        var brandVoted = false
        let plainOpening = plainOpeningLine(blocks, stats: stats, head: head, datelines: datelines)
        for i in 0..<head {
            for alt in blocks[i].imageAlts.prefix(2) where i < 6 && !isPortraitAlt(alt) && !isAuthorCard(i, alt: alt, blocks: blocks, stats: stats) {
                vote(alt, 2, "line \(blocks[i].line), logo image")
            }
            let text = blocks[i].text
            // A logo's wordmark: the short text beside a logo image on its own line whose alt
            // describes rather than names ("![The student paper of Acme High School](#) The Acme
            // Times"). An alt short enough to be a name votes itself: beside its own label
            // ("Get Noticed ![Get Noticed](#)") it is a menu's icon.
            if i < 6, blocks[i].images > 0, blocks[i].kind != .listItem, stats[i].words >= 1, stats[i].words <= Self.maxBrandLineWords,
                text.count <= 50, !stats[i].endsSentence, blocks[i].ruleHits.isEmpty, let alt = blocks[i].imageAlts.first,
                alt.split(separator: " ").count > Self.maxSiteNameWords, !isPortraitAlt(alt)
            {
                vote(text, wordmarkWeight, "line \(blocks[i].line), logo's wordmark")
            }
            // Short lines only: lowercasing every paragraph of the head cost more than the vote.
            if stats[i].words <= 7 {
                let lower = text.lowercased()
                for suffix in [" homepage", " home page", " logo"] where lower.hasSuffix(suffix) {
                    vote(String(text.dropLast(suffix.count)), 2, "line \(blocks[i].line), homepage link")
                }
            }
            // Only the first short linked or top-level heading line: the logo link, not a menu's
            // first item (a list item) or a section label (a minor heading).
            let isMenuItem = blocks[i].kind == .listItem
            let isMajorHeading = blocks[i].kind == .heading && blocks[i].level <= 2
            if !brandVoted, !isMenuItem, stats[i].words >= 1, stats[i].words <= Self.maxBrandLineWords, text.count <= 50, !stats[i].endsSentence,
                blocks[i].ruleHits.isEmpty, stats[i].linkDensity >= 0.75 || isMajorHeading || i == 0 || i == plainOpening,
                !isBreadcrumbStep(text, in: blocks.prefix(2 * head))
            {
                // A top-level heading that is all link is the masthead linking home ("# [Acme](/)").
                let isLinkedMasthead = isMajorHeading && stats[i].linkDensity >= 0.75
                vote(text, isLinkedMasthead ? mastheadWeight : i == plainOpening ? openingWeight : 1, "line \(blocks[i].line), brand line")
                brandVoted = true
            }
        }
        // By index here and below: `for block in blocks` copies every block (a retain per field).
        for i in blocks.indices where blocks[i].text.utf8.count < 80 && blocks[i].text.firstWordIs("follow") {
            // "Follow X on Twitter": words, never indices carried across a case change.
            let words = blocks[i].text.split(separator: " ")
            guard words.count >= 4, words[0].lowercased() == "follow",
                let on = words.indices.dropFirst(2).first(where: { words[$0].lowercased() == "on" })
            else { continue }
            vote(words[1..<on].joined(separator: " "), 1, "line \(blocks[i].line), follow prompt")
            break
        }
        // A name only one prompt gives, made of the text's common words, is a section
        // ("Contact Sales"); a brand recurs in several prompts even when it is also lowercase
        // somewhere ("Follow Acmeinsider", "Advertise on Acmeinsider", "code acmeinsider").
        // Different prompts: a menu repeated in the footer repeats its items, brand or not
        // ("Contact Center as a Service" twice names no site "Center").
        var prompted: [(name: String, line: Int)] = []
        var promptTexts: [String: Set<String>] = [:]
        // "Follow Jane Doe", "About Jane Doe": a prompt naming the byline's author is about a person.
        let authors = Set(result.metadata.authors.map(Self.siteKey))
        for i in blocks.indices {
            guard let name = promptedSiteName(blocks[i].text), !authors.contains(Self.siteKey(name)) else { continue }
            prompted.append((name, blocks[i].line))
            promptTexts[Self.siteKey(name), default: []].insert(blocks[i].text.lowercased())
        }
        for (name, line) in prompted
        where (promptTexts[Self.siteKey(name)]?.count ?? 0) > 1 || !Self.isCommonPhrase(name, in: vocabulary, capitals: false) {
            vote(name, promptWeight, "line \(line), site prompt")
        }
        guard !votes.isEmpty else { return }
        // Mentions elsewhere on the page, counted on short blocks only.
        let shortBlocks = blocks.indices.filter { blocks[$0].text.utf8.count <= maxMentionBytes }
        let short = shortBlocks.map { blocks[$0].text.lowercasedFast }
        let names = votes.values.map { $0.name.lowercasedFast }
        // The short blocks naming each candidate, kept for the winner's fuller name.
        var naming: [String: [Int]] = [:]
        for (key, entry) in votes {
            // A mention of a longer candidate that holds this one ("orbit weekly" for "orbit")
            // is that candidate's evidence, not this one's.
            let name = entry.name.lowercasedFast
            let longer = names.filter { $0 != name && $0.containsBytes(name) }
            let holding = short.indices.filter { short[$0].containsBytes(name) }
            naming[key] = holding.map { shortBlocks[$0] }
            let mentions = holding.filter { k in !longer.contains { short[k].containsBytes($0) } }.count
            // The byline's author is mentioned by every byline, bio and comment reply of a
            // personal blog: those mentions are the person's, not the site's.
            let bonus = authors.contains(key) ? 0 : min(1.5, 0.5 * Double(max(0, mentions - 1)))
            votes[key] = (entry.name, entry.score + bonus, entry.source)
        }
        // On a tie the byline's author loses: a personal site's copyright names its writer, its
        // masthead the site ("© Jane Doe" under "Field Notes"). Then a line that reads as a
        // sentence ("Your cart is empty") loses to a name, and the copyright holder to a name the
        // page's chrome gives (logo, prompt, masthead): the holder is often the legal entity or
        // parent company ("© Acme Holdings LLC, DBA Acme Growth" under the "Acme Growth" logo).
        func ranksBelow(_ a: (name: String, score: Double, source: String), _ b: (name: String, score: Double, source: String)) -> Bool {
            if a.score != b.score { return a.score < b.score }
            let aIsAuthor = authors.contains(Self.siteKey(a.name))
            if aIsAuthor != authors.contains(Self.siteKey(b.name)) { return aIsAuthor }
            let aIsName = Self.looksLikeName(a.name)
            if aIsName != Self.looksLikeName(b.name) { return !aIsName }
            let aIsHolder = Self.isCopyrightSource(a.source)
            if aIsHolder != Self.isCopyrightSource(b.source) { return aIsHolder }
            return a.name > b.name
        }
        guard let best = votes.values.max(by: ranksBelow),
            best.score >= minSiteScore
        else {
            result.metadata.sitename = nil
            result.provenance["sitename"] = nil
            return
        }
        let others = Set(votes.keys).subtracting([Self.siteKey(best.name)])
        result.metadata.sitename = fullerSiteName(
            best.name, blocks: (naming[Self.siteKey(best.name)] ?? []).map { blocks[$0] }, candidates: others)
        result.provenance["sitename"] = best.source
    }

    /// Whether a site-name vote's source is a copyright notice (the rule's line or a notice
    /// ending a paragraph; see `chooseSitename`).
    static func isCopyrightSource(_ source: String) -> Bool {
        source.hasSuffix("rule extract-sitename-copyright") || source == copyrightNoticeSource
    }

    /// The source recorded for a copyright notice ending a paragraph.
    static let copyrightNoticeSource = "copyright notice ending a paragraph"

    /// The most words a site name has: a longer candidate is a sentence or a description.
    static let maxSiteNameWords = 6

    /// Candidates that differ only in spaces, case or a domain ending are one name ("CTV News",
    /// "CTVNews.ca"): the letters and digits, lowercased, without the ending of a domain name
    /// (a name without spaces whose last dot is followed by two to six letters).
    static func siteKey(_ name: String) -> String {
        var lower = name.lowercased()
        if !lower.contains(" "), let dot = lower.lastIndex(of: "."), dot != lower.startIndex {
            let ending = lower[lower.index(after: dot)...]
            if (2...6).contains(ending.count) && ending.allSatisfy(\.isLetter) { lower = String(lower[..<dot]) }
        }
        let key = String(lower.filter { $0.isLetter || $0.isNumber })
        return key.isEmpty ? name.lowercased() : key
    }

    /// A candidate cut before the first noise phrase ("… All rights reserved"); empty when the
    /// rest is a word that is never a site name.
    func sitenameWithoutNoise(_ name: String) -> String {
        var out = name
        let lower = name.lowercased()
        for phrase in sitenameNoise.cut {
            if let byteOffset = lower.firstByteOffset(of: phrase) {
                let offset = lower.distance(from: lower.startIndex, to: lower.utf8.index(lower.utf8.startIndex, offsetBy: byteOffset))
                if offset < out.count { out = String(out.prefix(offset)) }
            }
        }
        // A registration or phone number after the name ("Acme 粤ICP备12345678号") is no part of it.
        var words = out.split(separator: " ")
        while let last = words.last, words.count > 1, Self.longestDigitRun(last) >= minRegistrationDigits { words.removeLast() }
        out = Self.cleanName(words.joined(separator: " "))
        return sitenameNoise.never.contains(out.lowercased()) ? "" : out
    }

    /// The longest run of ASCII digits in `word`.
    static func longestDigitRun(_ word: Substring) -> Int {
        var longest = 0
        var run = 0
        for b in word.utf8 {
            run = b >= 0x30 && b <= 0x39 ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    /// An alt text that pictures a person ("Jane Doe's avatar"), by the `person` words of
    /// `Rules/metadata/sitename-noise.txt`.
    func isPortraitAlt(_ alt: String) -> Bool {
        let words = alt.lowercased().split(whereSeparator: { !$0.isLetter })
        return sitenameNoise.person.contains { words.contains(Substring($0)) }
    }

    /// An author card: an image whose alt text is the name on its own line (the image's block
    /// or the next with words), with a short role line after that ("Marisol Trent" /
    /// "Digital Content Producer"). The image is the person's portrait, not the site's logo.
    func isAuthorCard(_ i: Int, alt: String, blocks: [Block], stats: [BlockStats]) -> Bool {
        func nextWithWords(_ k: Int) -> Int? { ((k + 1)..<min(blocks.count, k + 3)).first { stats[$0].words > 0 } }
        guard let name = blocks[i].text == alt ? i : nextWithWords(i), blocks[name].text == alt,
            let role = nextWithWords(name), stats[role].words <= 6
        else { return false }
        return blocks[role].text.split(separator: " ").contains { isRoleWord($0) }
    }

    /// Image file names and URLs are no names ("logo-header.png?width=223"), nor numbered
    /// placeholders ("Icon (1)").
    static func looksLikeFileName(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix(")"), let open = lower.lastIndex(of: "("),
            lower[lower.index(after: open)..<lower.index(before: lower.endIndex)].allSatisfy(\.isNumber)
        {
            return true
        }
        // A slug holding a brand word ("logo-white", "acme-icon") names an image file.
        if !name.contains(" "), lower.contains("-"), lower.split(separator: "-").contains(where: { brandWords.contains(String($0)) }) {
            return true
        }
        if lower.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: bytes are characters, and a byte search answers as the character search.
            return lower.utf8.contains { $0 == 0x3F || $0 == 0x3D || $0 == 0x2F || $0 == 0x5F }
                || imageExtensions.contains(where: { lower.containsBytes($0) })
        }
        return name.contains(where: { "?=/_".contains($0) }) || imageExtensions.contains(where: { lower.contains($0) })
    }

    static let imageExtensions = [".png", ".jpg", ".jpeg", ".svg", ".gif", ".webp"]

    /// Words that decorate a brand name in alt texts and links ("Vox logo", "IGN Logo").
    /// They are the `brand` words of `Rules/metadata/sitename-noise.txt`.
    static let brandWords: Set<String> = Set(loadList("metadata/sitename-noise.txt").filter { $0.hasPrefix("brand ") }.map { String($0.dropFirst(6)) })

    /// A name without the words that decorate it in alt texts and links (`brandWords`).
    static func stripBrandWords(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        while let last = words.last, brandWords.contains(last.lowercased()) {
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
            if known == nil, tail.split(separator: " ").count <= 4, head.split(separator: " ").count >= 3, looksLikeName(tail) {
                return (head, tail)
            }
        }
        return nil
    }

    /// Whether a title's tail reads as a name: not a quotation ("… – ‘The plague is coming’"),
    /// and no more words starting in lowercase than in capitals. Headlines end in quotes and
    /// clauses as often as in their site's name.
    static func looksLikeName(_ text: String) -> Bool {
        guard let first = text.first, !"‘’“”\"'«»„".contains(first) else { return false }
        let words = text.split(separator: " ")
        let lower = words.filter { $0.first?.isLowercase == true }.count
        return lower * 2 <= words.count
    }
}
