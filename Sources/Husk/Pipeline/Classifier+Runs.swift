/// The run repairs of `Classifier`: article text comes in runs, so a kept block's neighbours
/// say as much about it as its own score.
extension Classifier {
    /// Drops a block kept on a middling score when nothing else near it is kept.
    ///
    /// Article text comes in runs: a paragraph the model was unsure of, standing alone among
    /// dropped blocks, is far more often a teaser, a promo line or a comment than a stray
    /// piece of the article (out-of-fold on the dev bench: +.002 mean F1, +.005 precision).
    /// Confident scores and rule-protected blocks stay, and so does a block that holds most of
    /// the kept text: then it is the article (a one-paragraph page), not a stray.
    func applyIsolatedKeeps(_ blocks: inout [Block], stats: [BlockStats]) {
        // By index: `map` over the blocks would copy each one (a retain per field).
        let kept = blocks.indices.map { blocks[$0].decision.verdict == .keep }
        let keptWords = blocks.indices.reduce(0) { $0 + (kept[$1] ? stats[$1].words : 0) }
        for i in blocks.indices where kept[i] && keptWords - stats[i].words >= stats[i].words {
            guard case .score(let p) = blocks[i].decision.reason, p < isolatedMaxScore else { continue }
            let lo = max(0, i - isolatedReach)
            let hi = min(blocks.count - 1, i + isolatedReach)
            if !(lo...hi).contains(where: { $0 != i && kept[$0] }) {
                blocks[i].decision = Decision(.drop, .rule(id: "drop-isolated-keeps", category: "classifier"))
            }
        }
    }

    /// Drops small runs of kept blocks that lie far from the article's main run.
    ///
    /// Kept blocks are grouped into runs, a gap of more than `runGap` clearly dropped blocks
    /// starting a new one; the run with the most words is the article. A run far from it with
    /// less than `outlyingRunMaxShare` of its words is a sidebar, a teaser block or a comment
    /// that read like prose: an article rarely leaves that much boilerplate between two of its
    /// parts. Blocks the model was unsure of (a table, a list in the article) and empty ones do
    /// not separate runs. Rule-protected blocks stay.
    func applyOutlyingRuns(_ blocks: inout [Block], stats: [BlockStats]) {
        var runs: [(start: Int, end: Int, words: Int)] = []
        var gap = 0
        for i in blocks.indices {
            guard blocks[i].decision.verdict == .keep else {
                switch blocks[i].decision.reason {
                case .score(let p): if p < runGapMaxScore { gap += 1 }
                case .empty, .continuesProse: break
                default: gap += 1
                }
                continue
            }
            if gap <= runGap, let run = runs.popLast() {
                runs.append((run.start, i, run.words + stats[i].words))
            } else {
                runs.append((i, i, stats[i].words))
            }
            gap = 0
        }
        guard runs.count > 1, let main = runs.indices.max(by: { runs[$0].words < runs[$1].words }) else { return }
        let limit = outlyingRunMaxShare * Double(runs[main].words)
        for (k, run) in runs.enumerated() where k != main && Double(run.words) < limit {
            for i in run.start...run.end where blocks[i].decision.verdict == .keep {
                switch blocks[i].decision.reason {
                case .score, .continuesProse:
                    blocks[i].decision = Decision(.drop, .rule(id: "drop-outlying-runs", category: "classifier"))
                default: continue
                }
            }
        }
    }

    /// Keeps a short gap of blocks the model was unsure of between two blocks it kept.
    ///
    /// Inside an article a list item, a short line or a formula reads like little on its own and
    /// scores a little low, while the paragraphs on both sides are kept; boilerplate rarely sits
    /// between two article paragraphs with nothing clearly dropped around it. A gap of at most
    /// `gapMaxBlocks` blocks, each scored at least `gapMinScore` and mostly free of links, between
    /// two blocks kept on their own scores, is kept (out-of-fold through the binary on the dev
    /// bench: F1 +.001 to +.003, precision -.002 to -.004 on two fold seeds). Blocks a rule or
    /// emptiness decided, and clearly dropped ones, break the gap.
    func applyGapFill(_ blocks: inout [Block], stats: [BlockStats]) {
        func keptOnScore(_ i: Int) -> Bool {
            guard case .score = blocks[i].decision.reason else { return false }
            return blocks[i].decision.verdict == .keep
        }
        var i = 1
        while i < blocks.count {
            guard blocks[i].decision.verdict == .drop, keptOnScore(i - 1) else {
                i += 1
                continue
            }
            var j = i
            while j < blocks.count && j - i < gapMaxBlocks, blocks[j].decision.verdict == .drop,
                case .score(let p) = blocks[j].decision.reason, p >= gapMinScore, stats[j].linkDensity <= gapMaxLinkDensity
            { j += 1 }
            if j < blocks.count && j > i && keptOnScore(j) {
                for k in i..<j {
                    if case .score(let p) = blocks[k].decision.reason { blocks[k].decision = Decision(.keep, .continuesProse(p)) }
                }
            }
            i = max(j, i + 1)
        }
    }
}
