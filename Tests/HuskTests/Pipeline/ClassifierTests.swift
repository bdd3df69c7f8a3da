@testable import Husk
import XCTest

final class ClassifierTests: XCTestCase {
    /// One split on stop_density: below 0.2 scores p = 0.30, above scores p = 0.95.
    let model = try? BlockModel(text: "husk-gbt 1\nfeatures stop_density\nbias 0\ntree\nn 0 0.2 1 2\nl -0.8473\nl 2.944\nend\n")

    func block(_ text: String, links: Int = 0) -> Block {
        Block(
            line: 1, text: text, kind: .paragraph, level: 0, indent: 0, linkBytes: links == 0 ? 0 : text.utf8.count,
            links: links, urls: 0, emphasized: false, imagesBefore: 0, images: 0, gapBefore: true)
    }

    func stats(words: Int, linked: Bool = false) -> BlockStats {
        var s = BlockStats()
        s.words = words
        s.endsSentence = true
        s.linkDensity = linked ? 1 : 0
        return s
    }

    func features(_ stopDensities: [Double]) -> FeatureMatrix {
        let index = ContextFeatures.names.firstIndex(of: "stop_density") ?? 0
        var matrix = FeatureMatrix(rows: stopDensities.count, width: ContextFeatures.names.count)
        for (i, density) in stopDensities.enumerated() { matrix[i, index] = density }
        return matrix
    }

    func classify(_ blocks: inout [Block], _ stats: [BlockStats], _ densities: [Double]) {
        let classifier = Classifier(model: model, threshold: 0.5, fallbackMinKeptShare: 0)
        classifier.classify(&blocks, features: features(densities), stats: stats, rules: [], region: 0..<blocks.count)
    }

    func testAParagraphScoredLowRightAfterKeptProseIsKept() {
        var blocks = [block("Article prose."), block("The last paragraph, scored low by its neighbours.")]
        classify(&blocks, [stats(words: 20), stats(words: 15)], [0.5, 0.1])
        XCTAssertEqual(blocks[0].decision.verdict, .keep)
        XCTAssertEqual(blocks[1].decision.verdict, .keep)
        XCTAssertEqual(blocks[1].decision.label, "continues-prose")
    }

    func testContinuationDoesNotChain() {
        var blocks = [block("Article prose."), block("Last paragraph."), block("First comment, also prose.")]
        classify(&blocks, [stats(words: 20), stats(words: 15), stats(words: 15)], [0.5, 0.1, 0.1])
        XCTAssertEqual(blocks[1].decision.verdict, .keep)
        XCTAssertEqual(blocks[2].decision.verdict, .drop, "only prose the model kept itself is continued")
    }

    func testShortOrLinkedBlocksAreNotContinued() {
        var blocks = [block("Article prose."), block("Read more.")]
        classify(&blocks, [stats(words: 20), stats(words: 5)], [0.5, 0.1])
        XCTAssertEqual(blocks[1].decision.verdict, .drop)
        var linked = [block("Article prose."), block("A linked teaser that reads like a sentence.", links: 1)]
        classify(&linked, [stats(words: 20), stats(words: 15, linked: true)], [0.5, 0.1])
        XCTAssertEqual(linked[1].decision.verdict, .drop)
    }

    func testARowScoredLowInAMostlyKeptTableIsKept() {
        var rows = ["UK | 810 | +48%", "Germany | 655 | +72%", "Spain | 590 | +35%", "Chile | 240 | +120%"].map { text in
            var row = block(text)
            row.kind = .tableRow
            return row
        }
        classify(&rows, rows.map { _ in stats(words: 3) }, [0.5, 0.5, 0.5, 0.1])
        XCTAssertEqual(rows.map(\.decision.verdict), [.keep, .keep, .keep, .keep])
        var menu = rows
        classify(&menu, rows.map { _ in stats(words: 3) }, [0.5, 0.1, 0.1, 0.1])
        XCTAssertEqual(menu.map(\.decision.verdict), [.keep, .drop, .drop, .drop], "a mostly dropped table is not pulled in")
        var links = rows
        var linkStats = rows.map { _ in stats(words: 3) }
        linkStats[3] = stats(words: 3, linked: true)
        classify(&links, linkStats, [0.5, 0.5, 0.5, 0.1])
        XCTAssertEqual(links[3].decision.verdict, .drop, "a row of links is navigation")
    }

    func testSummariesInARunOfLinkedHeadlinesAreDropped() {
        var blocks: [Block] = []
        var all: [BlockStats] = []
        for k in 0..<3 {
            blocks.append(block("Teaser headline number \(k)", links: 1))
            all.append(stats(words: 4, linked: true))
            blocks.append(block("A one-sentence summary of the teased story that reads like prose."))
            all.append(stats(words: 11))
        }
        // Headlines score low (dropped), summaries high (kept) before the teaser rule.
        classify(&blocks, all, [0.1, 0.5, 0.1, 0.5, 0.1, 0.5])
        XCTAssertEqual(blocks.map(\.decision.verdict), Array(repeating: .drop, count: 6))
        XCTAssertEqual(blocks[1].decision.label, "drop-teaser-summaries")
        var two = Array(blocks.prefix(4))
        classify(&two, Array(all.prefix(4)), [0.1, 0.5, 0.1, 0.5])
        XCTAssertEqual(two[1].decision.verdict, .keep, "two pairs are not yet a teaser list")
    }

    func testAShortClosingLineBeforeTheArticleEndsIsKept() {
        var closing = stats(words: 3)
        closing.stopwords = 3
        var blocks = [block("Last paragraph of the column."), block("I will, though."), block("Tweet Share")]
        blocks[2].ruleHits = [RuleHit(rule: 0, captured: nil)]
        let share = Rule(
            id: "drop-share-prompts", category: "share", scope: .line, action: .drop, languages: [], patterns: ["x"],
            keywords: [], maxLength: nil, caseSensitive: false, examples: [], counterExamples: [], file: "t", line: 1)
        let classifier = Classifier(model: model, threshold: 0.5, fallbackMinKeptShare: 0)
        classifier.classify(&blocks, features: features([0.5, 0.1, 0.1]), stats: [stats(words: 20), closing, stats(words: 2)],
                            rules: [share], region: 0..<3)
        XCTAssertEqual(blocks.map(\.decision.verdict), [.keep, .keep, .drop])
        // Followed by more scored text instead of a rule-named end, it stays out.
        var open = [block("Last paragraph of the column."), block("I will, though."), block("Another line.")]
        classify(&open, [stats(words: 20), closing, stats(words: 2)], [0.5, 0.1, 0.1])
        XCTAssertEqual(open[1].decision.verdict, .drop)
    }

    func testALineBetweenTheHeaderAndAPhotoCreditIsTheLeadCaption() {
        let credit = Rule(
            id: "drop-photo-credits", category: "credit", scope: .line, action: .drop, languages: [], patterns: ["x"],
            keywords: [], maxLength: nil, caseSensitive: false, examples: [], counterExamples: [], file: "t", line: 1)
        let dateline = Rule(
            id: "extract-date-published", category: "dateline", scope: .line, action: .extract("date"), languages: [],
            patterns: ["x"], keywords: [], maxLength: nil, caseSensitive: false, examples: [], counterExamples: [], file: "t", line: 2)
        var blocks = [block("Published Monday, October 16, 2023"), block("Students study late in the library."), block("Photo: Dev Anand")]
        blocks[0].ruleHits = [RuleHit(rule: 1, captured: "October 16, 2023")]
        blocks[2].ruleHits = [RuleHit(rule: 0, captured: nil)]
        let classifier = Classifier(model: model, threshold: 0.5, fallbackMinKeptShare: 0)
        classifier.classify(&blocks, features: features([0.1, 0.5, 0.1]), stats: [stats(words: 5), stats(words: 6), stats(words: 3)],
                            rules: [credit, dateline], region: 0..<3)
        XCTAssertEqual(blocks[1].decision.label, "drop-lead-captions")
    }

    /// Three scores: stop_density below 0.2 gives p = 0.10, below 0.4 p = 0.60, above p = 0.95.
    let graded = try? BlockModel(
        text: "husk-gbt 1\nfeatures stop_density\nbias 0\ntree\nn 0 0.2 1 2\nl -2.1972\nn 0 0.4 3 4\nl 0.4055\nl 2.944\nend\n")

    /// Classifies the blocks with `model` at threshold 0.5, one stop_density per block, no rules.
    func classify(_ blocks: inout [Block], _ stats: [BlockStats], _ densities: [Double], model: BlockModel?) {
        let classifier = Classifier(model: model, threshold: 0.5, fallbackMinKeptShare: 0)
        classifier.classify(&blocks, features: features(densities), stats: stats, rules: [], region: 0..<blocks.count)
    }

    func classifyGraded(_ blocks: inout [Block], _ stats: [BlockStats], _ densities: [Double]) {
        classify(&blocks, stats, densities, model: graded)
    }

    func testALoneBlockKeptOnAMiddlingScoreIsDropped() {
        let texts = (0..<9).map { "Block number \($0)." }
        let densities = [0.5, 0.5, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3]
        var blocks = texts.map { block($0) }
        classifyGraded(&blocks, texts.map { _ in stats(words: 5) }, densities)
        XCTAssertEqual(blocks[8].decision.verdict, .drop, "p = 0.6 with no kept block within three")
        XCTAssertEqual(blocks[8].decision.label, "drop-isolated-keeps")
        XCTAssertEqual(blocks[0...2].map(\.decision.verdict), [.keep, .keep, .keep])
        // A confident score stays, and so does a middling one next to kept text.
        var confident = texts.map { block($0) }
        var sure = densities
        sure[8] = 0.5
        classifyGraded(&confident, texts.map { _ in stats(words: 5) }, sure)
        XCTAssertEqual(confident[8].decision.verdict, .keep)
        var near = texts.map { block($0) }
        var close = densities
        close[8] = 0.1
        close[5] = 0.3
        classifyGraded(&near, texts.map { _ in stats(words: 5) }, close)
        XCTAssertEqual(near[5].decision.verdict, .keep, "block 2 is kept three blocks away")
        // A lone block holding most of the kept text is the article itself.
        var article = texts.map { block($0) }
        var long = texts.map { _ in stats(words: 5) }
        long[8] = stats(words: 40)
        classifyGraded(&article, long, densities)
        XCTAssertEqual(article[8].decision.verdict, .keep)
    }

    func testASmallKeptRunFarFromTheArticleIsDropped() {
        let count = 16
        var densities = Array(repeating: 0.1, count: count)
        for i in 0..<3 { densities[i] = 0.5 }
        densities[15] = 0.5
        var all = Array(repeating: stats(words: 50), count: count)
        all[15] = stats(words: 10)
        var blocks = (0..<count).map { block("Block number \($0).") }
        classifyGraded(&blocks, all, densities)
        XCTAssertEqual(blocks[0...2].map(\.decision.verdict), [.keep, .keep, .keep])
        XCTAssertEqual(blocks[15].decision.verdict, .drop, "10 words twelve blocks after a 150-word article")
        XCTAssertEqual(blocks[15].decision.label, "drop-outlying-runs")
        // A run with a fair share (30%) of the article's words is a part of it.
        var part = (0..<count).map { block("Block number \($0).") }
        all[15] = stats(words: 50)
        classifyGraded(&part, all, densities)
        XCTAssertEqual(part[15].decision.verdict, .keep)
        // So is a small run within reach of the article.
        var nearRun = (0..<count).map { block("Block number \($0).") }
        all[15] = stats(words: 10)
        var near = densities
        near[15] = 0.1
        near[12] = 0.5
        classifyGraded(&nearRun, all, near)
        XCTAssertEqual(nearRun[12].decision.verdict, .keep)
        // Blocks the model was unsure of (p = 0.6 dropped by a stricter threshold) do not part runs.
        var unsure = (0..<count).map { block("Block number \($0).") }
        var middling = densities
        for i in 3..<15 { middling[i] = 0.3 }
        let strict = Classifier(model: graded, threshold: 0.7, fallbackMinKeptShare: 0)
        strict.classify(&unsure, features: features(middling), stats: all, rules: [], region: 0..<count)
        XCTAssertEqual(unsure[15].decision.verdict, .keep)
    }

    /// Three leaves on stop_density: below 0.2 p = 0.1, below 0.4 p = 0.4, else p = 0.95.
    let unsure = try? BlockModel(
        text: "husk-gbt 1\nfeatures stop_density\nbias 0\ntree\nn 0 0.2 1 2\nl -2.1972\nn 0 0.4 3 4\nl -0.4055\nl 2.944\nend\n")

    func classifyUnsure(_ blocks: inout [Block], _ stats: [BlockStats], _ densities: [Double]) {
        classify(&blocks, stats, densities, model: unsure)
    }

    func testAShortUnsureGapBetweenKeptBlocksIsKept() {
        let texts = ["Intro paragraph.", "Step one", "Step two", "Closing paragraph.", "Footer line", "Menu"]
        let densities = [0.5, 0.3, 0.3, 0.5, 0.1, 0.3]
        var blocks = texts.map { block($0) }
        classifyUnsure(&blocks, texts.map { _ in stats(words: 5) }, densities)
        XCTAssertEqual(blocks.map(\.decision.verdict), [.keep, .keep, .keep, .keep, .drop, .drop])
        XCTAssertEqual(blocks[1].decision.label, "continues-prose")
        // A clearly dropped block in the gap, a linked one, or a gap longer than three stays dropped.
        var clear = texts.map { block($0) }
        classifyUnsure(&clear, texts.map { _ in stats(words: 5) }, [0.5, 0.3, 0.1, 0.5, 0.1, 0.3])
        XCTAssertEqual(clear[1].decision.verdict, .drop)
        var linked = texts.map { block($0) }
        var linkedStats = texts.map { _ in stats(words: 5) }
        linkedStats[2] = stats(words: 5, linked: true)
        classifyUnsure(&linked, linkedStats, densities)
        XCTAssertEqual(linked[1...2].map(\.decision.verdict), [.drop, .drop])
        let long = (0..<6).map { "Block number \($0)." }
        var longGap = long.map { block($0) }
        classifyUnsure(&longGap, long.map { _ in stats(words: 5) }, [0.5, 0.3, 0.3, 0.3, 0.3, 0.5])
        XCTAssertEqual(longGap[1...4].map(\.decision.verdict), [.drop, .drop, .drop, .drop])
    }
}
