#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byline names that no rule caught: a name line under the headline, a label line with the
/// name on the next line, an author box (portrait or bio) and a sign-off.
extension MetadataExtractor {
    /// Two to four words of letters, each capitalised: a name standing at the start of a line.
    static func isNameShaped<S: Collection>(_ words: S) -> Bool where S.Element == Substring {
        words.count >= 2 && words.count <= 4 && words.allSatisfy { word in
            guard let first = word.first, first.isUppercase, word.count >= 2 || word.last == "." else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" }
        }
    }

    /// Whether a would-be name is made of the document's common words: every word of three or
    /// more letters also appears in lowercase in the text ("Latest Headlines", "Search
    /// Programs"), or one is in capitals ("AUTO NEWS", "Download ZIP"). People's names do not.
    /// A byline label vouches for capitals ("By JANE DOE"): `capitals` false skips that test.
    static func isCommonPhrase(_ name: String, in vocabulary: ProseVocabulary, capitals: Bool = true) -> Bool {
        let words = name.split(separator: " ")
        if capitals, words.contains(where: { $0.count >= 3 && $0.allSatisfy { !$0.isLowercase } }) { return true }
        // Only cased words are evidence: in Arabic or Japanese the name itself is "lowercase".
        let long = words.filter { $0.count >= 3 && $0.lowercased() != $0 }.map { $0.lowercased() }
        guard !long.isEmpty else { return false }
        return long.allSatisfy { vocabulary.contains($0) }
    }

    /// The name in a "Name, Role" line ("Audrey Huang, Print Managing Editor"): a name, then a
    /// short part holding a role word from the byline noise list.
    func nameBeforeRole(_ text: String) -> String? {
        for cut in [", ", " | ", " – ", " — ", " - "] {
            guard let r = text.firstRange(of: cut) else { continue }
            let head = text[..<r.lowerBound].split(separator: " ")
            let tail = text[r.upperBound...].split(separator: " ")
            guard Self.isNameShaped(head), tail.count <= 6,
                tail.contains(where: isBylineNoise)
            else { return nil }
            return head.joined(separator: " ")
        }
        return nil
    }

    /// A byline with no "By": a line of two to four capitalised words and no function words
    /// right under the headline ("Jane Doe", then the date), or such a name with its role.
    func findNameLine(_ result: inout Result, blocks: [Block], stats: [BlockStats], vocabulary: ProseVocabulary, after title: Int) {
        // The next three blocks with words: lines without any (an invisible separator, an
        // image) do not push the name out of reach.
        let next = ((title + 1)..<blocks.count).lazy.filter { stats[$0].words > 0 }.prefix(3)
        for i in next {
            // Past a paragraph longer than a standfirst the article has begun: a name there
            // is something it lists (a shop, a product), not its byline.
            if stats[i].words > maxStandfirstWords { return }
            guard blocks[i].kind == .paragraph else { continue }
            let name: String
            if Self.isNameLike(blocks, i, stats[i]) {
                name = blocks[i].text
            } else if blocks[i].ruleHits.isEmpty, stats[i].words <= 10, let found = nameBeforeRole(blocks[i].text) {
                name = found
            } else {
                continue
            }
            // A role line ("Digital Content Producer") is shaped like a name too.
            guard !result.isBrandName(name), !Self.isCommonPhrase(name, in: vocabulary),
                !name.containsWord(where: { isRoleWord($0) })
            else { continue }
            result.setAuthors([name], block: i, line: blocks[i].line, because: "name line under the title", consuming: true)
            return
        }
    }

    /// A byline with no "By" and no headline found above it: a name line right above a date
    /// line near the top ("Jane Doe" / "March 3, 2024"), the pair a byline makes.
    func findNameAboveDate(_ result: inout Result, blocks: [Block], stats: [BlockStats], vocabulary: ProseVocabulary, datelines: Set<Int>) {
        for date in datelines.sorted() {
            // The nearest block with words above the date line.
            guard let i = stride(from: date - 1, through: max(0, date - 2), by: -1).first(where: { stats[$0].words > 0 }),
                blocks[i].kind != .listItem
            else { continue }
            let name = blocks[i].text
            // A wire service's name signs the article as a person's does ("The Associated Press").
            let agency = Self.isAgencyName(name)
            guard agency || Self.isNameLike(blocks, i, stats[i]) && !result.isBrandName(name) && !Self.isCommonPhrase(name, in: vocabulary)
                && !name.containsWord(where: { isRoleWord($0) })
            else { continue }
            result.setAuthors([name], block: i, line: blocks[i].line, because: "name line above the date", consuming: true)
            return
        }
    }

    /// Where the comment section starts (the first comments rule hit past `end`): names below
    /// it belong to commenters.
    func commentsStart(_ blocks: [Block], rules: [Rule], after end: Int) -> Int {
        blocks.indices.first { i in
            i >= end && blocks[i].ruleHits.contains { rules[$0.rule].category == "comments" }
        } ?? blocks.count
    }

    /// A byline label alone on its line ("By", "Article by", "Autor:") and the names on the next.
    func findLabeledName(_ result: inout Result, blocks: [Block], stats: [BlockStats], before end: Int) {
        guard blocks.count >= 2 else { return }
        for i in 0..<min(blocks.count - 1, end) where isBareBylineLabel(blocks[i].text) && stats[i + 1].words <= 12 {
            let names = authors(from: blocks[i + 1].text)
            guard !names.isEmpty, names.allSatisfy({ Self.isNameShaped($0.split(separator: " ")) }) else { continue }
            result.setAuthors(
                names, block: i + 1, line: blocks[i + 1].line, because: "name under the label \"\(blocks[i].text)\"", consuming: true)
            return
        }
    }

    /// An author box: a line starting with a name under that person's portrait (an image whose
    /// alt text holds the name), or a short name line followed by a bio that starts with the
    /// name ("Jane Doe is a reporter…"). Bios count only outside the article, and neither
    /// counts inside a comment section (which starts at `end`).
    func findAuthorBox(
        _ result: inout Result, blocks: [Block], stats: [BlockStats], vocabulary: ProseVocabulary, region: Range<Int>, before end: Int
    ) {
        // A name has two capitalised words at least: blocks with fewer are not split and read.
        for i in 0..<end where stats[i].words <= 14 && stats[i].capitalized >= 2 && blocks[i].kind != .quote && blocks[i].kind != .listItem {
            // A name is taken under its portrait or above its bio outside the article: a block
            // in the article without an image can be neither, and is not read.
            let outside = !region.contains(i)
            guard outside || !blocks[i].imageAlts.isEmpty else { continue }
            let words = blocks[i].text.split(separator: " ")
            let alts = blocks[i].imageAlts.map { $0.lowercased() }
            for k in stride(from: min(4, words.count), through: 2, by: -1) {
                let name = words.prefix(k)
                guard Self.isNameShaped(name) else { continue }
                let joined = name.joined(separator: " ")
                // A portrait's alt text is the name with a few words at most ("Photo of Jane
                // Doe"); a teaser's image repeats its whole headline.
                let portrait = alts.contains { alt in
                    alt.contains(joined.lowercased()) && alt.split(separator: " ").count <= k + maxPortraitAltExtraWords
                }
                // The name alone, as a heading, or a first and last name followed by the
                // person's role on the same line ("Jane Doe Technology Writer": a plain dump
                // joins the card's lines; where the name ends is known only for two words).
                let withRole = k == 2 && words[k...].contains(where: { isRoleWord($0) })
                let card = k == words.count || blocks[i].kind == .heading || withRole
                let bio = outside && card && hasBio(about: name, after: i, blocks: blocks, stats: stats)
                guard portrait || bio, !result.isBrandName(joined),
                    !bylineNoise.contains(String(name[name.startIndex]).lowercased()), !Self.isCommonPhrase(joined, in: vocabulary)
                else { continue }
                result.setAuthors(
                    [joined], block: i, line: blocks[i].line, because: portrait ? "name under its portrait" : "name above its bio",
                    consuming: k == words.count)
                return
            }
        }
    }

    /// Whether one of the next two blocks is a bio of the named person: a paragraph of some
    /// length whose first words are the whole name followed by a lowercase word, or the first
    /// name alone when the paragraph speaks of a person (a pronoun of `Rules/metadata/bio-pronouns.txt`).
    /// The first name alone is too weak otherwise: "Acme builds apps" under "Acme Software Limited".
    private func hasBio(about name: ArraySlice<Substring>, after i: Int, blocks: [Block], stats: [BlockStats]) -> Bool {
        for j in (i + 1)..<min(blocks.count, i + 3) where blocks[j].kind == .paragraph && stats[j].words >= 8 {
            let words = blocks[j].text.split(separator: " ", maxSplits: name.count + 1)
            if words.count > name.count, Array(words.prefix(name.count)) == Array(name),
                words[name.count].first?.isLowercase == true
            {
                return true
            }
            // The first name alone, when the paragraph goes on about a person ("Maria is an
            // analyst… Her work…"); a company's blurb ("Acme builds apps") has no such pronoun.
            if words.count > 1, words[0] == name[name.startIndex], words[1].first?.isLowercase == true,
                blocks[j].text.split(separator: " ").contains(where: { bioPronouns.contains(Self.bylineWordKey($0)) })
            {
                return true
            }
        }
        return false
    }

    /// A sign-off: the reporter's name alone on the line right after the article's last
    /// paragraph, read only for languages where that is the convention (the caller checks).
    /// Only a line that is nothing but two to four capitalised words, not all capitals,
    /// directly after running prose that ends a sentence, and only when no byline named anyone.
    func findSignOff(_ result: inout Result, blocks: [Block], stats: [BlockStats], region: Range<Int>) {
        let i = region.upperBound
        guard i < blocks.count, i > 0, blocks[i].kind == .paragraph, blocks[i].ruleHits.isEmpty,
            stats[i - 1].endsSentence, stats[i - 1].words >= 15, blocks[i - 1].kind == .paragraph
        else { return }
        let s = stats[i]
        let words = blocks[i].text.split(separator: " ")
        // Function words are allowed: names are made of common syllables in some languages
        // (Vietnamese "Anh"); every word capitalised and nothing but letters is what counts.
        guard s.words >= 2, s.words <= 4, words.count == s.words, s.capitalized == s.words, s.characters <= 40,
            blocks[i].text.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "-" }),
            blocks[i].text != blocks[i].text.uppercased(),
            !result.isBrandName(blocks[i].text), !bylineNoise.contains(blocks[i].text.lowercased())
        else { return }
        result.setAuthors([blocks[i].text], block: i, line: blocks[i].line, because: "sign-off after the article", consuming: true)
    }

    /// Whether `raw` follows, in `text`, a byline label of several words from
    /// `Rules/metadata/byline-labels.txt` ("Written by", "Posted by"), and nothing else.
    func hasPhraseLabel(before raw: String, in text: String) -> Bool {
        guard let range = text.firstRange(of: raw) else { return false }
        let key = Self.labelKey(text[..<range.lowerBound].trimmingSpaces)
        return key.contains(" ") && bylineLabels.contains(key)
    }

    /// A byline the rules named inside the article or just after its end ("Written by Jane
    /// Doe" above the tags), when nothing near the top named anyone. Teasers further down carry
    /// their own bylines, so only `closingBylineReach` blocks past the end count.
    func findClosingByline(_ result: inout Result, blocks: [Block], rules: [Rule], region: Range<Int>, vocabulary: ProseVocabulary) {
        for i in region.lowerBound..<min(blocks.count, region.upperBound + closingBylineReach) {
            for hit in blocks[i].ruleHits {
                guard case .extract("author") = rules[hit.rule].action, let raw = hit.captured else { continue }
                let names = bylineNames(raw, in: blocks[i].text, vocabulary: vocabulary)
                guard !names.isEmpty else { continue }
                result.setAuthors(names, block: i, line: blocks[i].line, because: "rule \(rules[hit.rule].id) at the article's end")
                return
            }
        }
    }
}
