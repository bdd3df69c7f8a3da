/// The whole pipeline for one window of lines, top to bottom.
struct WindowCleaner {
    struct Result {
        var metadata = Metadata()
        var provenance: [String: String] = [:]
        var paragraphs: [Paragraph] = []
        var reports: [BlockReport] = []
        var statistics = CleaningStatistics()
        var fingerprints: [UInt64] = []
    }

    let engine: Engine
    let cleaner: Cleaner

    func clean(_ lines: [Line], isFirst: Bool, language: inout String?, context: DocumentContext = DocumentContext()) -> Result {
        let options = cleaner.options
        var blocks = engine.segmenter.segment(lines, repairer: engine.repairer)
        engine.repairer.joinSplitSentences(&blocks)
        engine.repairer.resolveHyphens(&blocks, vocabularyText: lines.map(\.text))
        var languageSource = "forced by --language"
        var counted: [Int: WordCounter.Counts] = [:]
        if language == nil {
            let guess = engine.identifier.identify(blocks.indices.map { blocks[$0].text }, counter: engine.counter, stoplists: cleaner.stoplists)
            language = guess?.code
            languageSource = guess.map { "script and stopwords, confidence \(Int(($0.confidence * 100).rounded()))%" } ?? ""
            counted = engine.identifier.takeCounts()
        }
        let stopwords = cleaner.stoplists.set(for: language)
        engine.prepareRules(for: language)
        // By index: `map` over the blocks would copy each one (a retain per field). The
        // engine's parts are read once, not retained again for every block.
        // Blocks the identifier counted (its sample of the longest) are not counted again.
        let extractor = engine.extractor
        let matcher = engine.matcher
        let stats = blocks.indices.map {
            extractor.stats(text: blocks[$0].text, linkBytes: blocks[$0].linkBytes, stopwords: stopwords, counted: counted[$0])
        }
        matcher.forEachHits(count: blocks.count, text: { blocks[$0].text }, characters: { stats[$0].characters }, language: language) {
            blocks[$0].ruleHits = $1
        }
        // Rules written for the document's language speak before language-neutral ones.
        let rules = engine.rules
        for i in blocks.indices where blocks[i].ruleHits.count > 1 {
            blocks[i].ruleHits.sort { !rules[$0.rule].languages.isEmpty && rules[$1.rule].languages.isEmpty }
        }
        let ruled = blocks.indices.map { i in blocks[i].ruleHits.contains { rules[$0.rule].action == .drop } }
        let region = engine.context.mainRegion(stats, ruled: ruled)
        let features = blockFeatures(blocks, stats, region: region)
        var result = Result()
        if isFirst {
            // Classified first, so the header search knows which blocks the article keeps.
            var classifier = Classifier(model: cleaner.model, threshold: options.favor.threshold, fallbackMinKeptShare: options.fallbackMinKeptShare)
            classifier.continuation = options.continuation
            classifier.classify(&blocks, features: features, stats: stats, rules: engine.rules, region: region)
            let reach = min(blocks.count, max(0, options.metadataReachBlocks))
            let head = reach == blocks.count ? blocks : Array(blocks[..<reach])
            let found = engine.metadata.extract(
                head, stats: reach == stats.count ? stats : Array(stats[..<reach]), region: region.clamped(to: 0..<reach),
                rules: engine.rules, language: language, referenceDate: context.referenceDate)
            result.metadata = found.metadata
            result.metadata.language = language
            result.metadata.url = options.url
            result.provenance = found.provenance
            if language != nil { result.provenance["language"] = languageSource }
            for (index, field) in found.consumed { blocks[index].decision = Decision(.drop, .metadata(field: field)) }
        } else {
            var classifier = Classifier(model: cleaner.model, threshold: options.favor.threshold, fallbackMinKeptShare: 0)
            classifier.continuation = options.continuation
            classifier.classify(&blocks, features: features, stats: stats, rules: engine.rules, region: region)
        }
        dropRepeatedLines(&blocks, stats: stats, context: context, into: &result)
        // Dropped text is summed per run of equal decisions before it reaches the per-rule
        // tables: most neighbours share a reason, and each table update hashes a string.
        var run: (decision: Decision, characters: Int)? = nil
        func flushRun() {
            guard let (decision, characters) = run else { return }
            result.statistics.droppedByCategory[decision.category, default: 0] += characters
            result.statistics.droppedByRule[decision.label, default: 0] += characters
            run = nil
        }
        // Fields read in place: copying each `Block` would retain all of its fields.
        for i in blocks.indices {
            let decision = blocks[i].decision
            result.statistics.blocks += 1
            if decision.verdict == .keep {
                result.statistics.blocksKept += 1
                result.statistics.bytesOut += blocks[i].text.utf8.count + 2
                result.statistics.charactersKept += stats[i].characters
                result.paragraphs.append(Paragraph(text: blocks[i].text, kind: blocks[i].kind, level: blocks[i].level))
            } else if let current = run, current.decision.label == decision.label, current.decision.category == decision.category {
                run = (current.decision, current.characters + stats[i].characters)
            } else {
                flushRun()
                run = (decision, stats[i].characters)
            }
            if options.explain {
                let named = Dictionary(uniqueKeysWithValues: zip(ContextFeatures.names, features.row(i)))
                result.reports.append(BlockReport(line: blocks[i].line, text: blocks[i].text, decision: decision, features: named))
            }
        }
        flushRun()
        result.statistics.rulesStopped = engine.matcher.takeLimitExceeded().sorted()
        return result
    }

    /// Short kept blocks that earlier documents of the same site also held are that site's
    /// boilerplate; every short block's fingerprint is recorded for the documents after this one.
    /// When most of the kept text repeats, the page itself is a duplicate: removing duplicates
    /// is not cleaning, so then nothing is dropped.
    private func dropRepeatedLines(_ blocks: inout [Block], stats: [BlockStats], context: DocumentContext, into result: inout Result) {
        guard context.collectsFingerprints || context.repeatedLines != nil else { return }
        let maximumWords = context.repeatedLines?.maximumWords ?? RepeatedLines.defaultMaximumWords
        var repeated: [Int] = []
        for i in blocks.indices where stats[i].words > 0 && stats[i].words <= maximumWords {
            let fingerprint = RepeatedLines.fingerprint(blocks[i].text)
            result.fingerprints.append(fingerprint)
            if blocks[i].decision.verdict == .keep, let memory = context.repeatedLines,
                memory.isRepeated(fingerprint, site: context.site)
            {
                repeated.append(i)
            }
        }
        guard let memory = context.repeatedLines, !repeated.isEmpty else { return }
        let kept = blocks.indices.filter { blocks[$0].decision.verdict == .keep }.reduce(0) { $0 + stats[$1].characters }
        let repeats = repeated.reduce(0) { $0 + stats[$1].characters }
        guard Double(repeats) <= memory.maximumShare * Double(kept) else { return }
        for i in repeated {
            blocks[i].decision = Decision(.drop, .rule(id: "drop-repeated-across-pages", category: "repeated"))
        }
    }

    /// How often each key occurs among all of them, per position. Counted in a small open
    /// table indexed by the keys' low bits (FNV-1a hashes, already well mixed): a dictionary
    /// hashed every key again with SipHash, twice per block.
    static func occurrences(of keys: [UInt64]) -> [Int] {
        var size = 16
        while size < 2 * keys.count { size <<= 1 }
        let mask = size - 1
        var slotKeys = [UInt64](repeating: 0, count: size)
        var slotCounts = [Int](repeating: 0, count: size)
        var slotOf = [Int](repeating: 0, count: keys.count)
        for (i, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slotCounts[slot] != 0 && slotKeys[slot] != key { slot = (slot + 1) & mask }
            slotKeys[slot] = key
            slotCounts[slot] += 1
            slotOf[i] = slot
        }
        return slotOf.map { slotCounts[$0] }
    }

    /// Own features plus context features for every block.
    func blockFeatures(_ blocks: [Block], _ stats: [BlockStats], region: Range<Int>) -> FeatureMatrix {
        // Repeats counted by a byte hash of the text: hashing Swift strings normalizes them, which is slow.
        let keys = blocks.indices.map { TextHash.of(blocks[$0].text) }
        let counts = Self.occurrences(of: keys)
        let categoryOfRule = engine.categoryOfRule
        // Every value is written below: own features per block, then the context columns.
        var features = FeatureMatrix(uninitializedRows: blocks.count, width: ContextFeatures.names.count)
        let width = features.width
        // Rows written through one pointer, each block read in place (a copy of a `Block`
        // retains every field).
        features.withUnsafeValues { values in
            guard let base = values.baseAddress else { return }
            blocks.withUnsafeBufferPointer { blocks in
                guard let first = blocks.baseAddress else { return }
                for i in blocks.indices {
                    var categories: UInt64 = 0
                    for hit in blocks[i].ruleHits {
                        if let k = categoryOfRule[hit.rule] { categories |= 1 << UInt64(k) }
                    }
                    engine.extractor.writeFeatures(
                        first + i, stats[i], repeats: counts[i] - 1, ruleCategories: categories,
                        into: base + i * width)
                }
            }
        }
        engine.context.build(&features, stats: stats, blocks: blocks, region: region)
        assert(!features.hasUnwrittenValues, "a feature column was left unwritten")
        return features
    }
}
