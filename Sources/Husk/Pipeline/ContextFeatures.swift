#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adds what surrounds each block to its own features: its neighbours, nearby prose, and where
/// it sits relative to the document's main region of running text.
///
/// Context is the strongest evidence there is: a short line between two paragraphs is likely
/// article text; the same line in a run of short linked lines is a menu.
struct ContextFeatures {
    static let neighbourOffsets = [-2, -1, 1, 2]
    static let neighbourFeatures = ["words_log", "stop_density", "link_density", "ends_sentence", "is_list"]
    static let names: [String] = {
        var names = FeatureExtractor.names
        for d in neighbourOffsets {
            let prefix = d < 0 ? "p\(-d)_" : "n\(d)_"
            names += neighbourFeatures.map { prefix + $0 }
        }
        names += [
            "prose_near3", "prose_near10", "in_region", "region_dist", "region_gap_log", "pos_rel",
            "chars_before_rel", "doc_blocks_log", "doc_words_log", "doc_prose_share", "rel_words",
            "prev_prose_dist", "next_prose_dist", "kind_run", "link_run",
            "since_related", "since_comments", "since_share", "prev_link_only", "after_region_heading",
            "stop_rel",
        ]
        return names
    }()

    var proseMinWords: Int
    var proseMinStopwordDensity: Double

    /// The main region: the run of blocks with the most prose, found as a maximum-sum span
    /// where prose blocks count their words and other blocks a small penalty.
    func mainRegion(_ stats: [BlockStats], ruled: [Bool] = []) -> Range<Int> {
        var best = 0.0
        var bestRange = 0..<0
        var sum = 0.0
        var start = 0
        for (i, s) in stats.enumerated() {
            // A block a rule names as boilerplate (a cookie banner) never counts as prose.
            let prose = s.isProse(minWords: proseMinWords / 2, minStopwordDensity: proseMinStopwordDensity * 0.8)
                && !(i < ruled.count && ruled[i])
            let value = prose ? Double(s.words) : -(Double(min(s.words, 15)) + 3)
            if sum <= 0 {
                sum = 0
                start = i
            }
            sum += value
            if sum > best {
                best = sum
                bestRange = start..<(i + 1)
            }
        }
        return bestRange
    }

    /// Fills the context columns of `features`, whose own columns (`FeatureExtractor.names`)
    /// are already written.
    func build(_ features: inout FeatureMatrix, stats: [BlockStats], blocks: [Block], region: Range<Int>) {
        let n = features.count
        guard n > 0 else { return }
        let prose = stats.map { $0.isProse(minWords: proseMinWords, minStopwordDensity: proseMinStopwordDensity) }
        let totalChars = Double(max(1, stats.reduce(0) { $0 + $1.characters }))
        let totalWords = stats.reduce(0) { $0 + $1.words }
        let proseWords = zip(stats, prose).reduce(0) { $0 + ($1.1 ? $1.0.words : 0) }
        let maxWords = Double(max(1, stats.map(\.words).max() ?? 1))
        let neighbourIndex = Self.neighbourFeatures.compactMap { FeatureExtractor.names.firstIndex(of: $0) }
        // Prefix sums of prose words for windowed sums.
        var sums = [0]
        sums.reserveCapacity(n + 1)
        for i in 0..<n { sums.append(sums[i] + (prose[i] ? stats[i].words : 0)) }
        // A constant for the nested function: a captured `var` is checked for exclusive access
        // at run time on every read.
        let prefix = sums
        func proseIn(_ lo: Int, _ hi: Int) -> Int { prefix[min(n, max(0, hi))] - prefix[min(n, max(0, lo))] }
        // Distances to the previous and next prose block.
        var previousProse = [Int](repeating: 99, count: n)
        var nextProse = [Int](repeating: 99, count: n)
        var last = -1
        for i in 0..<n {
            if last >= 0 { previousProse[i] = i - last }
            if prose[i] { last = i }
        }
        last = -1
        for i in stride(from: n - 1, through: 0, by: -1) {
            if last >= 0 { nextProse[i] = last - i }
            if prose[i] { last = i }
        }
        // Runs of blocks of the same kind and indentation (menus are long runs of short items).
        var run = [Int](repeating: 1, count: n)
        var k = 0
        while k < n {
            var j = k + 1
            while j < n && blocks[j].kind == blocks[k].kind && blocks[j].indent == blocks[k].indent
                && stats[j].words < 12
            { j += 1 }
            for m in k..<j { run[m] = j - k }
            k = j
        }
        // Blocks since the last rule-named related, comments or share block (teaser lists follow them).
        let categoryIndex = { (name: String) in FeatureExtractor.names.firstIndex(of: "rule_" + name) ?? 0 }
        func since(_ category: String) -> [Int] {
            let idx = categoryIndex(category)
            var out = [Int](repeating: 30, count: n)
            var last = -1
            for i in 0..<n {
                if last >= 0 { out[i] = min(30, i - last) }
                if features[i, idx] > 0 { last = i }
            }
            return out
        }
        let sinceRelated = since("related")
        let sinceComments = since("comments")
        let sinceShare = since("share")
        let linkIndex = FeatureExtractor.names.firstIndex(of: "link_density") ?? 0
        let headingIndex = FeatureExtractor.names.firstIndex(of: "is_heading") ?? 0
        var headingAfterRegion = [Double](repeating: 0, count: n)
        if !region.isEmpty {
            var seen = 0.0
            for i in region.upperBound..<n {
                if features[i, headingIndex] > 0 { seen = 1 }
                headingAfterRegion[i] = seen
            }
        }
        // Stopword density relative to the document's own long blocks: languages whose function
        // words attach to others (Korean, Hebrew, Arabic) or whose lists are short read lower
        // everywhere, so the ratio carries across languages where the raw value does not.
        let longest = LargestIndices.of(stats.count, count: 10) { stats[$0].words }
        let reference = longest.isEmpty ? 0 : longest.reduce(0.0) { $0 + stats[$1].stopwordDensity } / Double(longest.count)
        // Characters before each block, so gaps to the region cost O(1) instead of a walk.
        var charPrefix = [0]
        charPrefix.reserveCapacity(n + 1)
        for i in 0..<n { charPrefix.append(charPrefix[i] + stats[i].characters) }
        var charsBefore = 0
        // The same for every block of the window: computed once.
        let blocksLog = log1p(Double(n))
        let wordsLog = log1p(Double(totalWords))
        let proseShare = totalWords == 0 ? 0 : Double(proseWords) / Double(totalWords)
        let ownWidth = FeatureExtractor.names.count
        let width = features.width
        // Own columns are read and context columns written through one pointer: the rows
        // being filled never overlap the columns read.
        features.withUnsafeValues { v in
            func own(_ row: Int, _ column: Int) -> Double { Double(v[row * width + column]) }
            for i in 0..<n {
                var k = i * width + ownWidth
                func put(_ value: Double) {
                    v[k] = Float(value)
                    k += 1
                }
                for d in Self.neighbourOffsets {
                    let j = i + d
                    for idx in neighbourIndex { put(j >= 0 && j < n ? own(j, idx) : 0) }
                }
                let regionDistance: Int
                var gapChars = 0
                if region.isEmpty {
                    regionDistance = 30
                } else if i < region.lowerBound {
                    regionDistance = -min(30, region.lowerBound - i)
                    gapChars = charPrefix[region.lowerBound] - charPrefix[i]
                } else if i >= region.upperBound {
                    regionDistance = min(30, i - region.upperBound + 1)
                    gapChars = charPrefix[i + 1] - charPrefix[region.upperBound]
                } else {
                    regionDistance = 0
                }
                let selfProse = prose[i] ? stats[i].words : 0
                var linkSum = 0.0
                var linkCount = 0.0
                for j in max(0, i - 2)...min(n - 1, i + 2) {
                    linkSum += stats[j].linkDensity
                    linkCount += 1
                }
                put(SmallLogs.log1pOfCount(proseIn(i - 3, i + 4) - selfProse))
                put(SmallLogs.log1pOfCount(proseIn(i - 10, i + 11) - selfProse))
                put(region.contains(i) ? 1 : 0)
                put(Double(regionDistance))
                put(SmallLogs.log1pOfCount(min(gapChars, 100_000)))
                put(Double(i) / Double(n))
                put(Double(charsBefore) / totalChars)
                put(blocksLog)
                put(wordsLog)
                put(proseShare)
                put(Double(stats[i].words) / maxWords)
                put(Double(min(previousProse[i], 20)))
                put(Double(min(nextProse[i], 20)))
                put(Double(min(run[i], 30)))
                put(linkSum / linkCount)
                put(Double(sinceRelated[i]))
                put(Double(sinceComments[i]))
                put(Double(sinceShare[i]))
                put(i > 0 && own(i - 1, linkIndex) > 0.8 ? 1 : 0)
                put(headingAfterRegion[i])
                put(reference > 0.01 ? min(3, stats[i].stopwordDensity / reference) : 1)
                charsBefore += stats[i].characters
            }
        }
    }
}
