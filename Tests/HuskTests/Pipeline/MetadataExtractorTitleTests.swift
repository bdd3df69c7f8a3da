@testable import Husk
import XCTest

final class MetadataExtractorTitleTests: XCTestCase {
    /// Label keys: lowercased, trailing colons (ASCII or full-width) and spaces cut.
    func testLabelKeysCutTrailingColonsAndSpaces() {
        for (text, key) in [("Written by:", "written by"), ("By : ", "by"), ("Autor：", "autor"), ("記者：", "記者"),
                            ("ПОСТ:", "пост"), ("By", "by"), (": ", ""), ("Note: more", "note: more")] {
            XCTAssertEqual(MetadataExtractor.labelKey(text), key, text)
        }
    }

    func testBareBylineLabelsAreFoundWhateverTrailsThem() throws {
        var extractor = MetadataExtractor(dates: try DateFinder())
        extractor.bylineLabels = ["written by", "автор"]
        for text in ["Written by", "WRITTEN BY :::: ", "Автор:", "АВТОР："] {
            XCTAssertTrue(extractor.isBareBylineLabel(text), text)
        }
        // Longer than any label (the quick check) or another line of the same length.
        for text in ["Written by Jane", "Written on", "Автор статьи", ""] {
            XCTAssertFalse(extractor.isBareBylineLabel(text), text)
        }
        // A longer label set later is found too: the longest label's length follows the set.
        extractor.bylineLabels.insert("words and pictures by")
        XCTAssertTrue(extractor.isBareBylineLabel("Words and pictures by:"))
    }

    private func block(_ kind: Paragraph.Kind, level: Int = 0) -> Block {
        Block(line: 1, text: "x", kind: kind, level: level, indent: 0, linkBytes: 0, links: 0, urls: 0,
              emphasized: false, imagesBefore: 0, images: 0, gapBefore: false)
    }

    private func stats(words: Int) -> BlockStats {
        var s = BlockStats()
        s.words = words
        return s
    }

    /// Paragraph blocks of `texts` on every other line, as the segmenter numbers them.
    private func paragraphs(_ texts: [String]) -> [Block] {
        texts.enumerated().map { k, text in
            var b = block(.paragraph)
            b.text = text
            b.line = 2 * k + 1
            return b
        }
    }

    /// The title `findTitle` picks among `blocks`, counted with the English stoplist.
    private func title(of blocks: [Block], region: Range<Int>, top: Int, byline: Int?) throws -> String? {
        let cleaner = try Cleaner()
        let features = FeatureExtractor(counter: try WordCounter())
        let counts = blocks.map { features.stats($0, stopwords: cleaner.stoplists.set(for: "en")) }
        let extractor = MetadataExtractor(dates: try DateFinder())
        return extractor.findTitle(blocks, stats: counts, region: region, top: top, byline: byline, rules: [], siteHint: nil)?.1
    }

    func testALineBelowTheAuthorsBylineIsASubheadingNotTheHeadline() throws {
        // A plain page: no heading marks, the subheading repeated in a share box below.
        let body = MetadataFixture.body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        let page = ["Skip to content", "", "  * News", "  * Sports", "", "    Library delay ends", "", "", "", "", "",
                    "    Updated March 3, 2024", "", "    Share this", "", "    By Priya Raman", "",
                    "    The new library and its budget", "", body, "", "    The new library and its budget"].joined(separator: "\n")
        XCTAssertEqual(try Cleaner().clean(page).metadata.title, "Library delay ends")
    }

    func testAStandfirstIndentedUnderItsHeadlineIsNoHeadline() throws {
        // A plain dump indents the standfirst and the byline under the headline.
        let texts: [(String, Int)] = [
            ("Library Opens At Last After Long Delay", 8),
            ("Builders could not deliver the shelving the planned building needed in time", 10),
            ("By Priya Raman", 12),
        ] + MetadataFixture.body.split(separator: "\n").filter { !$0.isEmpty }.map { (String($0), 8) }
        let blocks = texts.enumerated().map { k, item in
            var b = block(.paragraph)
            b.text = item.0
            b.indent = item.1
            b.line = 2 * k + 1
            return b
        }
        XCTAssertEqual(try title(of: blocks, region: 3..<blocks.count, top: 3, byline: 2), "Library Opens At Last After Long Delay")
    }

    func testAHeadlineOverALongerSubheadingAndANameLineIsTheTitle() throws {
        // A plain page: the headline, a longer question under it, then the author's name alone;
        // both the headline and the subheading may end in a question mark.
        for (headline, deck) in [
            ("Library Plans: What Comes Next in 2025?", "What does the spring opening hold for the town and its readers?"),
            ("Library Plans for the Coming Year", "What does the spring opening hold for the town and its readers?"),
        ] {
            let texts = ["Back to all stories", "March 3, 2024", headline, deck, "Priya Raman", "Staff Writer"]
                + MetadataFixture.body.split(separator: "\n").filter { !$0.isEmpty }.map(String.init)
            let blocks = paragraphs(texts)
            XCTAssertEqual(try title(of: blocks, region: 6..<blocks.count, top: 6, byline: nil), headline)
        }
    }

    func testAMastheadHeadingLinkingHomeYieldsTheTitleOnceItNamesTheSite() throws {
        // The masthead's words recur in the article, so it out-scores the headline under it.
        let page = "# [Town Library Notes](/)\n\n## Seven ways a small place could pay for its books\n\nDecember 19, 2025\n\n"
            + "The town library council met on Tuesday and agreed that the new library would open in the spring, after years of "
            + "notes and delay and a long debate about its cost.\n\nResidents of the town who had campaigned for the library said "
            + "they were relieved, though some notes still doubt that the budget will hold.\n"
        let m = try Cleaner().clean(page).metadata
        XCTAssertEqual(m.title, "Seven ways a small place could pay for its books")
        XCTAssertEqual(m.sitename, "Town Library Notes")
        // Without its link the heading is no masthead: a page may head its article with a lone h1.
        let bare = try Cleaner().clean("# Seven ways a small place could pay for its books\n\nDecember 19, 2025\n\n" + MetadataFixture.body)
        XCTAssertEqual(bare.metadata.title, "Seven ways a small place could pay for its books")
    }

    func testALineUnderBareHeadingMarksIsThatHeading() throws {
        // A converter that writes the heading's text on the line after its marks ("#").
        let top = "Watch Live\n\n#\n\nLibrary to open in spring after a long delay\n\n"
            + "## The council had argued about the cost of the new building for three years.\n\n### [Priya Raman](#)"
        XCTAssertEqual(try MetadataFixture.meta(top).title, "Library to open in spring after a long delay")
        XCTAssertEqual(MetadataExtractor.bareHeadingLevel("#"), 1)
        XCTAssertEqual(MetadataExtractor.bareHeadingLevel("## "), 2)
        XCTAssertNil(MetadataExtractor.bareHeadingLevel("#######"))
        XCTAssertNil(MetadataExtractor.bareHeadingLevel("# News"))
        XCTAssertNil(MetadataExtractor.bareHeadingLevel(""))
    }

    func testTheOnlyTopLevelHeadingIsTheHeadlineFarBelowTheRegionStart() throws {
        // A list of teasers with summary sentences starts the region far above the headline.
        let teaser = "The mayor said on Monday that the bridge repairs in the old town would take another month to finish."
        let texts: [(String, Paragraph.Kind, Int)] = [("Bridge repairs take longer than planned", .heading, 3)]
            + Array(repeating: (teaser, .paragraph, 0), count: 30)
            + [("Library to open in spring after long delay", .heading, 1), (String(MetadataFixture.body.prefix(140)), .paragraph, 0)]
        let blocks = texts.map { text, kind, level in
            var b = block(kind, level: level)
            b.text = text
            return b
        }
        XCTAssertEqual(try title(of: blocks, region: 0..<blocks.count, top: 4, byline: nil), "Library to open in spring after long delay")
    }

    func testAMastheadFollowedByAMenuIsNoSoleHeadline() {
        var blocks = [block(.heading, level: 1), block(.listItem), block(.listItem), block(.paragraph)]
        let counts = [3, 1, 1, 30].map(stats(words:))
        XCTAssertNil(MetadataExtractor.soleTopHeading(blocks, stats: counts, before: 4))
        blocks[1] = block(.paragraph)
        blocks[2] = block(.paragraph)
        XCTAssertEqual(MetadataExtractor.soleTopHeading(blocks, stats: counts, before: 4), 0)
        blocks[3] = block(.heading, level: 1)
        XCTAssertNil(MetadataExtractor.soleTopHeading(blocks, stats: counts, before: 4), "two top-level headings")
    }

    func testAHeadlineHeadingLinkingToTheArticleIsTheTitle() throws {
        let m = try MetadataFixture.meta(
            "[Home](https://example.org/)\n\n# [Library to open in spring after long delay](https://example.org/2024/03/library-spring)\n\nMarch 3, 2024")
        XCTAssertEqual(m.title, "Library to open in spring after long delay")
    }

    func testALineWithAPlainTextBulletIsAListItemNotTheTitle() throws {
        let m = try MetadataFixture.meta("o Opening Hours for Every Branch Library\n\nLibrary to open in spring after long delay\n\nMarch 3, 2024")
        XCTAssertEqual(m.title, "Library to open in spring after long delay")
        XCTAssertTrue(MetadataExtractor.startsWithLetterBullet("o Cheapest Branches"))
        XCTAssertFalse(MetadataExtractor.startsWithLetterBullet("o is a letter"))
        XCTAssertFalse(MetadataExtractor.startsWithLetterBullet("Ohio Library News"))
    }

    func testAHeadlineOverAStandfirstAndABareByLabelBeatsTheNameBlockUnderIt() throws {
        let page = "Sections\n\nLibrary to open in spring after long delay\n\nThe council agreed on a date at last, after years of argument.\n\nBy\n\n"
            + "Tomas Eriksen\n\nRiverton Ledger Weekly\n\nMarch 4, 2025\n\n" + MetadataFixture.body
        XCTAssertEqual(try Cleaner().clean(page).metadata.title, "Library to open in spring after long delay")
    }

    func testAQuestionCostsAHeadlineLessThanAStatement() {
        XCTAssertTrue(MetadataExtractor.endsWithQuestionMark("Will the library open in spring?"))
        XCTAssertTrue(MetadataExtractor.endsWithQuestionMark("“Why wait any longer?”"))
        XCTAssertTrue(MetadataExtractor.endsWithQuestionMark("図書館は春に開館するのか？"))
        XCTAssertFalse(MetadataExtractor.endsWithQuestionMark("The library opens in spring."))
        XCTAssertFalse(MetadataExtractor.endsWithQuestionMark("Stay in touch!"))
        let m = try? MetadataFixture.meta("Will the new library open in spring at last?\n\nMarch 3, 2024")
        XCTAssertEqual(m?.title, "Will the new library open in spring at last?")
    }

    func testAContentsItemBeforeANameShapedItemGetsNoBylineBonus() throws {
        // A plain dump's table of contents: the item after an item is its sibling, not a byline.
        let page = "    Library to open in spring after long delay\n\n    Contents:\n\n      * How the Budget Was Planned\n"
            + "      * Shelving Systems Compared\n      * Opening Day\n\n" + MetadataFixture.body
        XCTAssertEqual(try Cleaner().clean(page).metadata.title, "Library to open in spring after long delay")
    }

    func testARowOfSocialNetworksIsNoName() throws {
        var b = block(.paragraph)
        let features = FeatureExtractor(counter: try WordCounter())
        let stopwords = try Cleaner().stoplists.set(for: "en")
        b.text = "Facebook Youtube Linkedin Pinterest"
        XCTAssertFalse(MetadataExtractor.isNameLike(b, features.stats(b, stopwords: stopwords)))
        b.text = "Priya Raman"
        XCTAssertTrue(MetadataExtractor.isNameLike(b, features.stats(b, stopwords: stopwords)))
    }

    func testAShorterLineBetweenTheHeadlineAndTheBylineIsTheSubheading() throws {
        let body = MetadataFixture.body.split(separator: "\n").map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        let page = "  * News\n  * Sports\n\n    Library to open in spring after years of delay and debate\n\n"
            + "    Builders finally deliver the shelving\n\n    By Priya Raman\n    March 3, 2024\n\n" + body
        let m = try Cleaner().clean(page).metadata
        XCTAssertEqual(m.title, "Library to open in spring after years of delay and debate")
        XCTAssertEqual(m.authors, ["Priya Raman"])
    }

    func testAShorterLineOverANameLineUnderTheHeadlineIsTheSubheading() throws {
        // The byline is a bare name line, which no rule reads: it marks the line over it all the same.
        let texts = ["Sections", "Library to open in spring after years of delay and debate", "Builders finally deliver the shelving", "Priya Raman"]
            + Array(repeating: MetadataFixture.body.split(separator: "\n").filter { !$0.isEmpty }.map(String.init), count: 2).joined()
        let blocks = paragraphs(texts)
        XCTAssertEqual(try title(of: blocks, region: 4..<blocks.count, top: 4, byline: nil),
                       "Library to open in spring after years of delay and debate")
    }
}
