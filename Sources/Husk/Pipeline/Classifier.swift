#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides KEEP or DROP for every block of a window, with a reason for each.
///
/// Order of evidence: rules that protect, extract or drop; then the tree model's probability
/// against the threshold chosen by `--favor`; then document-level repairs: everything after a
/// `drop-rest` trigger that follows article text goes, and when almost nothing was kept the main
/// prose region is kept instead. (Exact repeats are evidence for the model, not dropped outright:
/// articles repeat lines too, such as embedded-post signatures or product lines.)
struct Classifier {
    let model: BlockModel?
    let threshold: Double
    let fallbackMinKeptShare: Double
    /// Blocks longer than this are never dropped as metadata lines, whatever an extract rule says.
    var maxExtractWords = 30
    /// Share of a table's scored rows that must be kept for the rest to be kept (see `applyTableCohesion`).
    var tableCohesionShare = 0.66
    /// The longest line read as the lead image's caption (see `applyLeadCaption`).
    var leadCaptionMaxWords = 40
    /// Teaser lists (see `applyTeaserPairs`): pairs needed, and the longest summary.
    var teaserMinPairs = 3
    var teaserMaxSummaryWords = 40
    /// Prose continuation (see `applyContinuation`); nil turns it off.
    var continuation: CleanerOptions.Continuation? = CleanerOptions.Continuation()
    /// Isolated keeps (see `applyIsolatedKeeps`): a block kept on a score below
    /// `isolatedMaxScore` with no other kept block within `isolatedReach` blocks on either side goes.
    var isolatedReach = 3
    var isolatedMaxScore = 0.7
    /// Outlying runs (see `applyOutlyingRuns`): kept blocks with more than `runGap` clearly
    /// dropped blocks (scored below `runGapMaxScore`, or dropped by a rule) between them start a
    /// new run; a run with less than `outlyingRunMaxShare` of the largest run's words goes.
    var runGap = 10
    var runGapMaxScore = 0.2
    var outlyingRunMaxShare = 0.3
    /// Gaps (see `applyGapFill`): at most `gapMaxBlocks` dropped blocks between two blocks kept
    /// on their scores, each scored at least `gapMinScore` with at most `gapMaxLinkDensity`.
    var gapMaxBlocks = 3
    var gapMinScore = 0.3
    var gapMaxLinkDensity = 0.3

    func classify(_ blocks: inout [Block], features: FeatureMatrix, stats: [BlockStats], rules: [Rule], region: Range<Int>) {
        // Blocks a rule or emptiness decides never need the model's verdict (though a stacked
        // model still reads every block's first-stage score as context).
        let forced = blocks.withUnsafeBufferPointer { blocks in
            blocks.indices.map { decide(blocks[$0].text, blocks[$0].ruleHits, rules: rules, words: stats[$0].words) }
        }
        let needed = forced.map { $0 == nil }
        let probabilities = model?.probabilities(features, needed: needed) ?? (0..<features.count).map { Self.heuristic(features.row($0)[...]) }
        for i in blocks.indices {
            let p = probabilities[i]
            blocks[i].decision = forced[i] ?? Decision(p >= threshold ? .keep : .drop, .score(p))
        }
        if let continuation { applyContinuation(&blocks, stats: stats, settings: continuation) }
        applyTableCohesion(&blocks, stats: stats)
        applyTeaserPairs(&blocks, stats: stats)
        applyLeadCaption(&blocks, stats: stats)
        applyIsolatedKeeps(&blocks, stats: stats)
        applyOutlyingRuns(&blocks, stats: stats)
        applyGapFill(&blocks, stats: stats)
        applyDropBefore(&blocks, rules: rules)
        applyDropRest(&blocks, rules: rules, stats: stats)
        applyFallback(&blocks, stats: stats, region: region)
    }

    /// What emptiness or the rules decide for a block, or nil when its score decides.
    /// Takes the two fields it reads, not the block: copying a `Block` retains all its fields.
    private func decide(_ text: String, _ ruleHits: [RuleHit], rules: [Rule], words: Int) -> Decision? {
        if text.isEmpty || words == 0 && text.unicodeScalars.allSatisfy({ !$0.properties.isAlphabetic }) {
            return Decision(.drop, .empty)
        }
        var dropRule: Int? = nil
        for hit in ruleHits {
            switch rules[hit.rule].action {
            case .protect:
                return Decision(.keep, .rule(id: rules[hit.rule].id, category: rules[hit.rule].category))
            case .extract(let field):
                // A header line is short; a long block that merely mentions "updated" is text.
                if dropRule == nil && hit.captured != nil && words <= maxExtractWords {
                    return Decision(.drop, .metadata(field: field))
                }
            case .drop, .dropBefore:
                if dropRule == nil { dropRule = hit.rule }
            case .dropRest, .hint:
                continue
            }
        }
        if let rule = dropRule { return Decision(.drop, .rule(id: rules[rule].id, category: rules[rule].category)) }
        return nil
    }

    private func applyDropBefore(_ blocks: inout [Block], rules: [Rule]) {
        guard let last = blocks.indices.last(where: { i in
            blocks[i].ruleHits.contains { rules[$0.rule].action == .dropBefore }
        }) else { return }
        guard let hit = blocks[last].ruleHits.first(where: { rules[$0.rule].action == .dropBefore }) else { return }
        for i in 0..<last where blocks[i].decision.verdict == .keep && !isProtected(blocks[i].decision) {
            blocks[i].decision = Decision(.drop, .outsideArticle(rule: rules[hit.rule].id))
        }
    }

    private func applyDropRest(_ blocks: inout [Block], rules: [Rule], stats: [BlockStats]) {
        var keptWords = 0
        for i in blocks.indices {
            if let hit = blocks[i].ruleHits.first(where: { rules[$0.rule].action == .dropRest }), keptWords >= 40 {
                let id = rules[hit.rule].id
                for j in i..<blocks.count where !isProtected(blocks[j].decision) {
                    if blocks[j].decision.verdict == .keep || j == i {
                        blocks[j].decision = Decision(.drop, .outsideArticle(rule: id))
                    }
                }
                return
            }
            if blocks[i].decision.verdict == .keep { keptWords += stats[i].words }
        }
    }

    /// Keeps a paragraph that the model scored a little low when it directly continues kept
    /// article prose (only rule-named blocks such as an inline "Read also" between them).
    ///
    /// The last paragraphs of an article sit next to the newsletter box and the related list,
    /// and the model reads that neighbourhood against them; where stopword evidence is weaker
    /// (languages whose stoplists catch fewer function words) they fell below the threshold.
    /// jusText's context smoothing, for long blocks: one paragraph that follows prose is prose.
    private func applyContinuation(_ blocks: inout [Block], stats: [BlockStats], settings: CleanerOptions.Continuation) {
        func isProse(_ i: Int) -> Bool {
            stats[i].words >= settings.minWords && stats[i].endsSentence && stats[i].linkDensity == 0
                && blocks[i].kind == .paragraph
        }
        // A short closing sentence ("I will, though.") right after the last paragraph the model
        // kept, where a rule or a header line says the article ends (tags, share bar, comments).
        func isClosingLine(_ i: Int) -> Bool {
            guard i > 0, stats[i].words >= 2, stats[i].words <= settings.closingMaxWords, stats[i].endsSentence,
                stats[i].stopwordDensity >= settings.closingMinStopwordDensity, stats[i].linkDensity == 0,
                blocks[i].kind == .paragraph, isProse(i - 1), blocks[i - 1].decision.verdict == .keep
            else { return false }
            guard case .score = blocks[i - 1].decision.reason else { return false }
            guard i + 1 < blocks.count else { return true }
            switch blocks[i + 1].decision.reason {
            case .rule, .metadata, .outsideArticle: return blocks[i + 1].decision.verdict == .drop
            default: return false
            }
        }
        for i in blocks.indices {
            guard case .score(let p) = blocks[i].decision.reason, blocks[i].decision.verdict == .drop else { continue }
            if isClosingLine(i) {
                blocks[i].decision = Decision(.keep, .continuesProse(p))
                continue
            }
            guard p >= settings.minScore, isProse(i) else { continue }
            var j = i - 1
            while j >= 0 && i - j <= settings.reach, case .rule = blocks[j].decision.reason,
                blocks[j].decision.verdict == .drop
            { j -= 1 }
            guard j >= 0, blocks[j].decision.verdict == .keep, isProse(j) else { continue }
            // Only prose the model kept itself: no chains, which would carry a comment thread
            // along after the article's last paragraph.
            if case .score = blocks[j].decision.reason { blocks[i].decision = Decision(.keep, .continuesProse(p)) }
        }
    }

    /// A table is one unit: when most rows of a run of table rows were kept on their scores,
    /// the rows scored below the threshold are kept too (a row of numbers reads like nothing
    /// on its own; its table says what it is). Rows a rule dropped, and rows made mostly of
    /// links (a table of links is navigation), stay dropped.
    private func applyTableCohesion(_ blocks: inout [Block], stats: [BlockStats]) {
        var start = 0
        while start < blocks.count {
            guard blocks[start].kind == .tableRow else {
                start += 1
                continue
            }
            var end = start
            while end < blocks.count && blocks[end].kind == .tableRow { end += 1 }
            var kept = 0
            var scored = 0
            for i in start..<end {
                guard case .score = blocks[i].decision.reason else { continue }
                scored += 1
                if blocks[i].decision.verdict == .keep { kept += 1 }
            }
            if scored >= 3 && Double(kept) >= tableCohesionShare * Double(scored) {
                for i in start..<end {
                    if case .score(let p) = blocks[i].decision.reason, blocks[i].decision.verdict == .drop,
                        stats[i].linkDensity < 0.5
                    {
                        blocks[i].decision = Decision(.keep, .continuesProse(p))
                    }
                }
            }
            start = end
        }
    }

    /// A teaser list: linked headlines, each followed by its one- or two-sentence summary.
    /// The summaries read like prose on their own; the repeating headline-summary pairs say
    /// what they are. Runs of at least `teaserMinPairs` pairs lose their summaries.
    private func applyTeaserPairs(_ blocks: inout [Block], stats: [BlockStats]) {
        func isHeadline(_ i: Int) -> Bool {
            stats[i].linkDensity >= 0.7 && stats[i].words >= 3 && stats[i].words <= 16 && blocks[i].decision.verdict == .drop
        }
        func isSummary(_ i: Int) -> Bool {
            stats[i].linkDensity < 0.3 && stats[i].words >= 6 && stats[i].words <= teaserMaxSummaryWords
                && blocks[i].kind == .paragraph
        }
        var i = 0
        while i + 1 < blocks.count {
            var j = i
            var pairs: [Int] = []
            while j + 1 < blocks.count && isHeadline(j) && isSummary(j + 1) {
                pairs.append(j + 1)
                j += 2
            }
            if pairs.count >= teaserMinPairs {
                for s in pairs {
                    switch blocks[s].decision.reason {
                    case .score, .continuesProse:
                        blocks[s].decision = Decision(.drop, .rule(id: "drop-teaser-summaries", category: "related"))
                    default: continue
                    }
                }
                i = j
            } else {
                i += 1
            }
        }
    }

    /// The lead image's caption: a short line between the header (title, byline, dateline)
    /// and a photo credit. A kept line before a credit is usually article text (the credit
    /// belongs to the image after it); right under the header it is the caption.
    private func applyLeadCaption(_ blocks: inout [Block], stats: [BlockStats]) {
        for i in blocks.indices.dropFirst() where i + 1 < blocks.count {
            guard case .score = blocks[i].decision.reason, blocks[i].decision.verdict == .keep,
                stats[i].words <= leadCaptionMaxWords, blocks[i].kind == .paragraph,
                case .metadata = blocks[i - 1].decision.reason,
                case .rule(_, let category) = blocks[i + 1].decision.reason, blocks[i + 1].decision.verdict == .drop,
                category == "credit" || category == "caption"
            else { continue }
            blocks[i].decision = Decision(.drop, .rule(id: "drop-lead-captions", category: "caption"))
        }
    }

    private func isProtected(_ decision: Decision) -> Bool {
        if case .rule = decision.reason, decision.verdict == .keep { return true }
        return false
    }

    /// When the classifier kept almost nothing, the main prose region is the best guess at the article.
    private func applyFallback(_ blocks: inout [Block], stats: [BlockStats], region: Range<Int>) {
        let total = stats.reduce(0) { $0 + $1.words }
        var kept = 0
        for i in blocks.indices where blocks[i].decision.verdict == .keep { kept += stats[i].words }
        guard total > 0, Double(kept) < fallbackMinKeptShare * Double(total), !region.isEmpty else { return }
        for i in region where stats[i].words >= 8 && stats[i].linkDensity < 0.5 {
            if case .score = blocks[i].decision.reason { blocks[i].decision.verdict = .keep }
        }
    }

    /// A readable stand-in used only when no model is embedded: prose inside the main region.
    static func heuristic(_ x: ArraySlice<Double>) -> Double {
        let names = ContextFeatures.names
        func v(_ name: String) -> Double { names.firstIndex(of: name).map { x[x.startIndex + $0] } ?? 0 }
        let words = exp(v("words_log")) - 1
        if v("link_density") > 0.5 { return 0.1 }
        if words >= 20 && v("stop_density") >= 0.25 { return 0.9 }
        if v("in_region") > 0 && words >= 6 && v("ends_sentence") > 0 { return 0.7 }
        return 0.2
    }
}
