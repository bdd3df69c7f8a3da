#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the document's headers from its text: title, authors, dates, site, source, tags.
///
/// Only evidence near the article's start counts for title, byline and date (a date in a
/// comment or a related-article teaser is not the publication date), and every field is left
/// out when the text does not show it.
struct MetadataExtractor {
    let dates: DateFinder
    /// Relative dates, read against a reference date (`Rules/metadata/relative-dates.txt`).
    var relative = RelativeDateReader(table: EmbeddedRules.files["metadata/relative-dates.txt"] ?? "")
    var companySuffixes: [LegalSuffix] = MetadataExtractor.loadSuffixes()
    var bylineNoise: Set<String> = Set(MetadataExtractor.loadList("metadata/byline-noise.txt") + MetadataExtractor.authorRoles)
    /// Job titles and role words (`Rules/metadata/author-roles.txt`), also part of `bylineNoise`.
    var roleWords: Set<String> = Set(MetadataExtractor.authorRoles)
    static let authorRoles = MetadataExtractor.loadList("metadata/author-roles.txt")
    /// Words that end a collective byline and stay in it (`Rules/metadata/collective-bylines.txt`).
    var collectiveBylineWords: Set<String> = Set(MetadataExtractor.loadList("metadata/collective-bylines.txt"))
    /// Lines that are only a byline label, the name on the next line (`Rules/metadata/byline-labels.txt`).
    var bylineLabels: Set<String> = MetadataExtractor.defaultBylineLabels {
        didSet { bylineLabelLongest = Self.longest(bylineLabels) }
    }
    static let defaultBylineLabels = Set(MetadataExtractor.loadList("metadata/byline-labels.txt").map(MetadataExtractor.labelKey))
    /// Characters in the longest byline label.
    private(set) var bylineLabelLongest = MetadataExtractor.longest(MetadataExtractor.defaultBylineLabels)
    static func longest(_ labels: Set<String>) -> Int { labels.reduce(0) { max($0, $1.unicodeScalars.count) } }
    /// Pronouns that make a paragraph a person's bio (`Rules/metadata/bio-pronouns.txt`).
    var bioPronouns: Set<String> = Set(MetadataExtractor.loadList("metadata/bio-pronouns.txt"))
    /// Languages whose articles end with the reporter's name on its own line (`Rules/metadata/signoff-languages.txt`).
    var signOffLanguages: Set<String> = Set(MetadataExtractor.loadList("metadata/signoff-languages.txt"))
    /// Phrases that end a site name, words that never are one and words of portrait alt texts
    /// (`Rules/metadata/sitename-noise.txt`).
    var sitenameNoise: (cut: [String], never: Set<String>, person: [String]) = MetadataExtractor.loadSitenameNoise()
    /// Prompts that name the site ("About", "Advertise on"), as word lists (`Rules/metadata/sitename-prompts.txt`).
    var sitenamePrompts: [[String]] = MetadataExtractor.sitenamePromptLines.map { $0.split(separator: " ").map(String.init) }
    static let sitenamePromptLines = MetadataExtractor.loadList("metadata/sitename-prompts.txt")
    /// The prompts' first words as bytes, for a quick test of each short line.
    var sitenamePromptHeads: [[UInt8]] = Array(Set(MetadataExtractor.sitenamePromptLines.compactMap {
        $0.split(separator: " ").first.map { Array($0.utf8) }
    }))
    /// The prompts' first letters, lowercase: a line starting otherwise is no prompt.
    var sitenamePromptInitials: [UInt8] = Array(Set(MetadataExtractor.sitenamePromptLines.compactMap { $0.utf8.first }))
    /// Longest line (bytes) read as a site prompt: longer lines are prose that mentions the site.
    var maxPromptBytes = 60
    /// Site-name votes of a linked top-level heading at the page's top (see `chooseSitename`).
    var mastheadWeight = 1.5
    /// Share of link text that makes a headline chosen as the site's name its masthead: the
    /// title is then chosen again without it (see `extract`).
    var mastheadLinkShare = 0.75
    /// Site-name votes of the short text beside a logo image at the page's top (see `chooseSitename`).
    var wordmarkWeight = 1.5
    /// Marks that end a breadcrumb's step ("Home ›"; see `isBreadcrumbStep`).
    var breadcrumbMarks: Set<String> = ["›", "»", ">", "/", "→"]
    /// Site-name votes of the page's opening line, when it is short and no rule claimed it
    /// (see `chooseSitename`).
    var openingWeight = 1.5
    /// Fewest words of an opening line below a menu (list items) that still reads as the
    /// masthead: a lone word there is the label of a submenu a plain dump unfolds ("Sports").
    var minOpeningWordsAfterMenu = 2
    /// Fewest letters of a label glued on a byline's name ("DoePosted:") that is cut off (see
    /// `withoutGluedLabel`): a shorter tail is a name's own case change ("McKay").
    var minGluedLabelLetters = 4
    /// Longest block (bytes) whose mentions of a site-name candidate count for it (and give the
    /// winner's fuller form).
    var maxMentionBytes = 200
    /// Mentions that must go on with the same word before it joins the site's name (see `fullerSiteName`).
    var minExtensionMentions = 2
    /// What each prompt naming a candidate adds to its site-name votes (see `promptedSiteName`).
    var promptWeight = 1.0
    /// How many of the article's first paragraphs may open with an agency's dateline.
    var agencyReach = 3
    /// Longest place name (bytes) before a dateline's agency credit ("ST. JOSEPH, Mich.").
    var maxDatelineBytes = 40
    /// Longest agency credit, in bytes and in words ("Agence France-Presse").
    var maxAgencyBytes = 40
    var maxAgencyWords = 4
    /// How many blocks past the start of the main region still count as "near the top".
    var topSlack = 4
    /// How far past the top a byline may sit and still extend the header down to it.
    var bylineReach = 8
    /// Words a portrait's alt text may have besides the name ("Photo of Jane Doe", see `findAuthorBox`).
    var maxPortraitAltExtraWords = 4
    /// How many blocks above the headline a byline may stand before a name line under the
    /// headline replaces it (see `extract`).
    var maxBylineAboveTitle = 8
    /// How many blocks past the start of the main region a dateline may sit.
    var dateSlack = 10
    /// Blocks between the region's start and its first paragraph of solid prose beyond which
    /// the region is taken to start inside a menu (see `headerRegion`).
    var headerGap = 8
    /// How far above that paragraph the header is then looked for.
    var headerLead = 6
    /// Words a kept paragraph needs to count as the article's first solid prose.
    var solidProseWords = 20
    /// Most words of a standfirst under the headline: a longer paragraph is the article's
    /// start, and a name line below it is no byline (see `findStandfirst`, `findNameLine`).
    var maxStandfirstWords = 60
    /// How many blocks from the author's byline a date may stand (see `findDateNearByline`).
    var bylineDateReach = 3
    /// How many blocks past the article's end a closing byline may stand (see `findClosingByline`).
    var closingBylineReach = 3
    var maxTitleWords = 30
    /// Deepest heading level that stays a title candidate when it is all link text.
    var maxLinkedHeadlineLevel = 2
    /// Evidence a block needs before it is called the title (see `findTitle`).
    var minTitleScore = 1.5
    /// What a title candidate's bonus for a bare byline label under it loses when a standfirst
    /// stands between them (see `findTitle`).
    var labelGapCost = 0.5
    /// What a title candidate loses when it stands under a bare byline label: it is the name.
    var labelledNameCost = 3.0
    /// What a title candidate loses when it sits right under a shorter headline-like line of
    /// the same kind: then it is most likely the standfirst (see `findTitle`).
    var deckPenalty = 1.0
    /// What a title candidate loses when a headline-like line at least as long is the nearest
    /// block with words above it, at most `deckReach` blocks up, and the byline right under it:
    /// it is the subheading.
    var subheadingPenalty = 2.0
    var deckReach = 5
    /// What a title candidate loses when it stands below the author's byline: a headline heads its
    /// byline, and a short line under it is a subheading (see `findTitle`).
    var belowBylineCost = 1.5
    /// What a title candidate gains when the article's words repeat all of its own (in
    /// proportion to the share repeated; see `findTitle`).
    var titleEchoWeight = 2.0
    /// What a title candidate loses, on top of ending a sentence, when it is a statement of
    /// more than `statementMinWords` words ending in a full stop.
    var statementPenalty = 1.0
    var statementMinWords = 8
    /// What a title candidate loses for ending in a question mark: less than for a full stop
    /// (1.5), since headlines ask questions ("Is Remote Work Here to Stay?") and captions do not.
    var questionEndCost = 0.5
    /// Digits in a row that make a word a registration or phone number, no part of a site's name.
    var minRegistrationDigits = 5
    /// Votes a site-name candidate needs (see `chooseSitename`).
    var minSiteScore = 1.5
    /// Site-name votes of the name a rule read (the copyright line's holder) and of a copyright
    /// notice ending a paragraph (see `trailingCopyrightHolders`).
    var copyrightWeight = 1.5
    /// How many of the page's last blocks are read for a copyright notice ending a paragraph,
    /// and the longest such block in bytes (see `trailingCopyrightHolders`).
    var copyrightTailReach = 12
    var maxCopyrightTailBytes = 600

    func extract(
        _ blocks: [Block], stats: [BlockStats], region: Range<Int>, rules: [Rule], language: String?, referenceDate: String? = nil
    ) -> Result {
        var result = Result()
        let vocabulary = ProseVocabulary(blocks)
        let (region, firstProse) = Self.headerRegion(
            region, blocks: blocks, stats: stats, gap: headerGap, lead: headerLead, proseWords: solidProseWords)
        var top = min(blocks.count, (region.isEmpty ? min(blocks.count, 40) : region.lowerBound) + topSlack)
        // The byline under the headline: the first author or date extraction a little past the
        // region's start. A prose-like line above the headline (an affiliate notice) can start
        // the region early; the header then reaches down to the byline.
        // Only hits that yield a name or a day count ("Posted in Proof Points" is a category).
        let bylineIndex = blocks.indices.first { i in
            i < min(blocks.count, top + bylineReach) && blocks[i].ruleHits.contains { hit in
                guard case .extract(let field) = rules[hit.rule].action, let raw = hit.captured else { return false }
                if field == "author" { return !authors(from: raw).isEmpty }
                if field == "date" { return dates.firstDate(in: raw, language: language) != nil }
                return false
            }
        }
        if let bylineIndex { top = max(top, bylineIndex + 1) }
        // Every author byline near the top: a dateline can come first, above the headline,
        // with the author's line under it ("Nov. 20, 2019" / headline / "By Jane Doe").
        let authorLines = Set(blocks.indices.prefix(min(blocks.count, top + bylineReach)).filter { i in
            blocks[i].ruleHits.contains { hit in
                guard case .extract("author") = rules[hit.rule].action, let raw = hit.captured else { return false }
                return !authors(from: raw).isEmpty
            }
        })
        // Dates sit near the headline but sometimes below the first paragraphs or an image.
        let dateTop = min(blocks.count, (region.isEmpty ? min(blocks.count, 40) : region.lowerBound) + dateSlack)
        // Rule extractions, first occurrence wins (published date before updated).
        for i in blocks.indices {
            for hit in blocks[i].ruleHits {
                guard case .extract(let field) = rules[hit.rule].action, let raw = hit.captured else { continue }
                let inTop = i < top
                switch field {
                case "author" where inTop && result.metadata.authors.isEmpty:
                    let names = bylineNames(raw, in: blocks[i].text, vocabulary: vocabulary)
                    if !names.isEmpty {
                        result.setAuthors(names, block: i, line: blocks[i].line, because: "rule \(rules[hit.rule].id)")
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
                    // "© 2025 • Theme by Acme • Log in": a separator right after the year means
                    // the line names no holder; what follows is another footer item.
                    if let first = raw.trimmingSpaces.first, Self.footerSeparatorMarks.contains(first) { continue }
                    let name = sitenameWithoutNoise(Self.cleanName(Self.beforeSeparator(raw)))
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
        // "3 hours ago", "gestern": only against a reference date the input gave.
        if result.metadata.date == nil, let referenceDate {
            for i in 0..<dateTop where stats[i].words <= 8 && blocks[i].kind != .quote {
                if let day = relative.day(in: blocks[i].text, language: language, reference: referenceDate) {
                    result.metadata.date = day
                    result.provenance["date"] = "line \(blocks[i].line), relative to the reference date \(referenceDate)"
                    break
                }
            }
        }
        // Short lines holding a date, where a headline may sit just above.
        var datelines = Set<Int>()
        for i in 0..<min(blocks.count, top + bylineReach) where stats[i].words <= 14 && blocks[i].kind != .quote {
            if dates.firstDate(in: blocks[i].text, language: language) != nil { datelines.insert(i) }
        }
        if let (index, title) = findTitle(
            blocks, stats: stats, region: region, top: top, byline: bylineIndex, until: firstProse, rules: rules,
            siteHint: result.metadata.sitename.map { Self.stripLegalForm($0, suffixes: companySuffixes) },
            datelines: datelines, authorLines: authorLines) {
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
        chooseSitename(&result, blocks: blocks, stats: stats, vocabulary: vocabulary, datelines: datelines)
        // A masthead heading linking home can out-score the headline; named the site, it yields.
        if let site = result.metadata.sitename, let titleIndex = result.consumed.first(where: { $0.value == "title" })?.key,
            result.metadata.title?.lowercased() == site.lowercased(), stats[titleIndex].linkDensity >= mastheadLinkShare,
            let (index, title) = findTitle(
                blocks, stats: stats, region: region, top: top, byline: bylineIndex, until: firstProse, rules: rules, siteHint: site,
                datelines: datelines, authorLines: authorLines), index != titleIndex
        {
            result.consumed[titleIndex] = nil
            result.metadata.title = Self.splitSiteSuffix(title, known: site)?.0 ?? title
            result.provenance["title"] = "line \(blocks[index].line), under the masthead"
            result.consumed[index] = "title"
        }
        if let titleIndex = result.consumed.first(where: { $0.value == "title" })?.key {
            preferDateNearTitle(&result, blocks: blocks, stats: stats, title: titleIndex, rules: rules, language: language)
        }
        if let titleIndex = result.consumed.first(where: { $0.value == "title" })?.key {
            if result.metadata.authors.isEmpty {
                findNameLine(&result, blocks: blocks, stats: stats, vocabulary: vocabulary, after: titleIndex)
            } else if let author = result.authorBlock, titleIndex - author > maxBylineAboveTitle {
                // A byline far above the headline is a menu's label ("By Use Case") or another
                // item's: a name line under the headline is the article's own.
                var near = result
                near.metadata.authors = []
                findNameLine(&near, blocks: blocks, stats: stats, vocabulary: vocabulary, after: titleIndex)
                if !near.metadata.authors.isEmpty { result = near }
            }
            findStandfirst(&result, blocks: blocks, stats: stats, after: titleIndex, rules: rules)
        }
        if result.metadata.authors.isEmpty {
            findNameAboveDate(&result, blocks: blocks, stats: stats, vocabulary: vocabulary, datelines: datelines)
        }
        if result.metadata.authors.isEmpty {
            let comments = commentsStart(blocks, rules: rules, after: region.isEmpty ? blocks.count : region.upperBound)
            findLabeledName(&result, blocks: blocks, stats: stats, before: comments)
            if result.metadata.authors.isEmpty {
                findAuthorBox(&result, blocks: blocks, stats: stats, vocabulary: vocabulary, region: region, before: comments)
            }
        }
        if result.metadata.authors.isEmpty && !region.isEmpty, let language, signOffLanguages.contains(Self.baseLanguage(language)) {
            findSignOff(&result, blocks: blocks, stats: stats, region: region)
        }
        if result.metadata.authors.isEmpty && !region.isEmpty {
            findClosingByline(&result, blocks: blocks, rules: rules, region: region, vocabulary: vocabulary)
        }
        if result.metadata.authors.isEmpty && !region.isEmpty {
            findAgencyCredit(&result, blocks: blocks, stats: stats, region: region)
        }
        recountSiteAfterByline(&result, blocks: blocks, stats: stats, vocabulary: vocabulary, datelines: datelines)
        if result.metadata.date == nil, let author = result.authorBlock {
            findDateNearByline(&result, blocks: blocks, stats: stats, byline: author, language: language)
        }
        return result
    }

    /// Names a byline rule captured in `text`, without menu labels shaped like bylines ("By
    /// Need", "By Use Case"): those are made of words the text also uses in lowercase. Menus
    /// label by a bare "By"; under a label of several words ("Written by") even a team named
    /// in common words ("Growth Marketing Team") is the author.
    func bylineNames(_ raw: String, in text: String, vocabulary: ProseVocabulary) -> [String] {
        let names = authors(from: raw)
        if hasPhraseLabel(before: raw, in: text) { return names }
        return names.filter { !Self.isCommonPhrase($0, in: vocabulary, capitals: false) }
    }
}
