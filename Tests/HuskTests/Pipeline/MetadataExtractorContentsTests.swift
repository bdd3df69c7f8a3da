@testable import Husk
import XCTest

/// A table of contents under the headline: its entries repeat the section headings, and are no title.
final class MetadataExtractorContentsTests: XCTestCase {
    private func blocks(_ items: [(String, Paragraph.Kind, String?)], rules: [Rule]) -> [Block] {
        items.enumerated().map { k, item in
            var b = Block(line: 2 * k + 1, text: item.0, kind: item.1, level: 0, indent: 0, linkBytes: 0, links: 0, urls: 0,
                          emphasized: false, imagesBefore: 0, images: 0, gapBefore: true)
            if let id = item.2, let index = rules.firstIndex(where: { $0.id == id }) { b.ruleHits = [RuleHit(rule: index, captured: nil)] }
            return b
        }
    }

    func testATableOfContentsEntryIsNeverTheHeadline() throws {
        // A plain page whose region starts under the contents: the body's sections repeat the
        // entries word for word, as a headline is repeated by its article.
        let cleaner = try Cleaner()
        let rules = cleaner.rules.rules
        let prose = MetadataFixture.body.split(separator: "\n").filter { !$0.isEmpty }.map(String.init)
        let items: [(String, Paragraph.Kind, String?)] = [
            ("How Riverton Rebuilt Its Library After the Flood? A Complete Guide to Funding, Building and Opening", .paragraph, nil),
            ("Want to know how a small town pays for a library? Read on for the whole story.", .paragraph, nil),
            ("Contents:", .paragraph, "drop-contents-headings"),
            ("The Library Funding Council Meeting", .listItem, nil), ("Residents Relieved About the Budget", .listItem, nil),
            (prose[0], .paragraph, nil), (prose[1], .paragraph, nil),
            ("The Library Funding Council Meeting", .paragraph, nil), (prose[0], .paragraph, nil),
            ("Residents Relieved About the Budget", .paragraph, nil), (prose[1], .paragraph, nil),
        ]
        let page = blocks(items, rules: rules)
        let features = FeatureExtractor(counter: try WordCounter())
        let counts = page.map { features.stats($0, stopwords: cleaner.stoplists.set(for: "en")) }
        let extractor = MetadataExtractor(dates: try DateFinder())
        let found = extractor.findTitle(page, stats: counts, region: 5..<page.count, top: 5, byline: nil, rules: rules, siteHint: nil)
        XCTAssertEqual(found?.0, 0)
    }

    func testTheListRightAfterAContentsHeadingIsItsEntries() throws {
        let rules = try Cleaner().rules.rules
        let page = blocks([("Home", .listItem, nil), ("Contents", .paragraph, "drop-contents-headings"), ("Summary", .listItem, nil),
                           ("Funding", .listItem, nil), ("Summary", .paragraph, nil), ("Later", .listItem, nil)], rules: rules)
        let extractor = MetadataExtractor(dates: try DateFinder())
        XCTAssertEqual(extractor.tableOfContentsItems(page, rules: rules, before: page.count), [2, 3])
    }
}
