@testable import Husk
import XCTest

final class MarkupReaderTests: XCTestCase {
    private func read(_ s: String) -> Line { MarkupReader().read(s, number: 1) }

    func testBareURLsAreFoundAmongWordsThatStartWithHOrW() {
        // `h` and `w` start markup only as `http` and `www`: the words around stay plain text.
        let line = read("Which week? The hotel http://x.org/a then www.example.org, with thanks hwh")
        XCTAssertEqual(line.text, "Which week? The hotel http://x.org/a then www.example.org, with thanks hwh")
        XCTAssertEqual(line.urls, 2)
        // Link bytes count the URLs without spaces; the comma after the second is not part of it.
        XCTAssertEqual(line.linkBytes, "http://x.org/a".utf8.count + "www.example.org".utf8.count)
        XCTAssertEqual(read("wh wwhat htt h").urls, 0)
    }

    func testHeadingMarkersAreRemovedAndLevelKept() {
        let line = read("## Why it matters ##")
        XCTAssertEqual(line.kind, .heading(2))
        XCTAssertEqual(line.text, "Why it matters")
    }

    func testLinkTextIsKeptAndCountedAsLinkText() {
        let line = read("Read the [full report](https://example.org/a_(b)) today")
        XCTAssertEqual(line.text, "Read the full report today")
        XCTAssertEqual(line.links, 1)
        XCTAssertEqual(line.linkBytes, "full report".utf8.count - 1)
    }

    func testImagesLeaveNoTrace() {
        let line = read("![A photo of a cat](#)")
        XCTAssertEqual(line.kind, .markupOnly)
        XCTAssertEqual(line.images, 1)
    }

    func testLinkedImageInsideLinkLeavesNoTrace() {
        XCTAssertEqual(read("[![logo](a.png)](https://x.org) Home").text, "Home")
    }

    func testEmphasisAndCodeMarkersAreRemoved() {
        XCTAssertEqual(read("**Bold** and *italic* and __strong__ and `code` and ~~gone~~").text,
                       "Bold and italic and strong and code and gone")
    }

    func testIntrawordUnderscoresAndSpacedStarsStay() {
        XCTAssertEqual(read("snake_case_name and 5 * 3").text, "snake_case_name and 5 * 3")
    }

    func testListItemsKeepTheirKind() {
        let line = read("  * [Home](#)")
        XCTAssertEqual(line.kind, .listItem)
        XCTAssertEqual(line.text, "Home")
        XCTAssertEqual(line.indent, 2)
        XCTAssertEqual(read("3. Third step").kind, .listItem)
    }

    func testQuotesTablesRulesAndReferenceDefinitions() {
        XCTAssertEqual(read("> quoted words").kind, .quote)
        XCTAssertEqual(read("> quoted words").text, "quoted words")
        XCTAssertEqual(read("| a | b |").kind, .tableRow)
        XCTAssertEqual(read("| a | b |").text, "a | b")
        XCTAssertEqual(read("---|---").kind, .markupOnly)
        XCTAssertEqual(read("* * *").kind, .markupOnly)
        XCTAssertEqual(read("[1]: https://example.org").kind, .markupOnly)
    }

    func testStrayHTMLTagsAreRemovedAndAutolinksKept() {
        XCTAssertEqual(read("Hello<br>world <span class=\"x\">here</span>").text, "Helloworld here")
        XCTAssertEqual(read("See <https://example.org> now").text, "See https://example.org now")
        XCTAssertEqual(read("x < y and y > z").text, "x < y and y > z")
    }

    func testReferenceLinksKeepTheirText() {
        XCTAssertEqual(read("See [the docs][1] for more").text, "See the docs for more")
    }

    func testDeeplyNestedBracketsStayLinear() {
        let hostile = String(repeating: "[", count: 20_000) + String(repeating: "](", count: 20_000)
        let start = DispatchTime.now().uptimeNanoseconds
        _ = read(hostile)
        XCTAssertLessThan(DispatchTime.now().uptimeNanoseconds - start, 5_000_000_000)
    }
}
