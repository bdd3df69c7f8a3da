@testable import Husk
import XCTest

final class RepairerTests: XCTestCase {
    private func blocks(_ text: String) throws -> [Paragraph] {
        try Cleaner().clean(text).paragraphs
    }

    private let filler = "The committee met on Tuesday and agreed that the budget would be published before the end of the month, after a long debate."

    func testParagraphSplitMidSentenceIsJoined() throws {
        let doc = "\(filler)\n\nThe members of the committee said that the new rules would apply to every\n\nschool in the district from next September onwards, without exception.\n\n\(filler)"
        let text = try blocks(doc).map(\.text).joined(separator: "\n")
        XCTAssertTrue(text.contains("apply to every school in the district"), text)
    }

    func testHyphenatedWordAcrossBreakIsJoinedWithoutHyphen() {
        var list = [Block(line: 1, text: "it was a matter of responsi\u{E000}bility for all", kind: .paragraph, level: 0, indent: 0,
                          linkBytes: 0, links: 0, urls: 0, emphasized: false, imagesBefore: 0, images: 0, gapBefore: true)]
        Repairer().resolveHyphens(&list, vocabularyText: ["nothing here"])
        XCTAssertEqual(list[0].text, "it was a matter of responsibility for all")
    }

    func testHyphenIsKeptWhereTheDocumentShowsTheCompound() {
        var list = [Block(line: 1, text: "a well\u{E000}known fact", kind: .paragraph, level: 0, indent: 0,
                          linkBytes: 0, links: 0, urls: 0, emphasized: false, imagesBefore: 0, images: 0, gapBefore: true)]
        Repairer().resolveHyphens(&list, vocabularyText: ["it is well-known in town"])
        XCTAssertEqual(list[0].text, "a well-known fact")
    }

    func testJoinMarksAHyphenBeforeALowercaseContinuation() {
        XCTAssertEqual(Repairer.join("new-", "found leverage"), "new\u{E000}found leverage")
        XCTAssertEqual(Repairer.join("anti-", "Trump"), "anti- Trump")
    }

    func testSentenceEndsAreRecognisedInManyScripts() {
        XCTAssertTrue(Repairer.endsSentence("It ended.\u{201D}"))
        XCTAssertTrue(Repairer.endsSentence("这是一句话。"))
        XCTAssertTrue(Repairer.endsSentence("هل هذا سؤال؟"))
        XCTAssertFalse(Repairer.endsSentence("to be continued"))
    }
}

final class SegmenterTests: XCTestCase {
    private func lines(_ text: String) -> [Line] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            MarkupReader().read(String($1), number: $0 + 1)
        }
    }

    func testHardWrappedParagraphsAreReflowedIntoOneBlock() {
        let text = """
            The river rose overnight and by morning the lower streets of the town were
            under water, the mayor said, adding that the emergency services had been
            working since midnight to move families from the worst affected houses.

            Officials expect the water to fall again by Thursday, but warned that more
            rain was forecast for the weekend and that residents should stay alert to
            the warnings issued by the regional flood office in the coming days.
            """
        let blocks = Segmenter().segment(lines(text), repairer: Repairer())
        XCTAssertEqual(blocks.count, 2)
        XCTAssertTrue(blocks[0].text.contains("were under water"))
    }

    func testUnwrappedLinesStaySeparateBlocks() {
        let text = "Home\nWorld\nBusiness\nSport and leisure activities for everyone in the region"
        XCTAssertEqual(Segmenter().segment(lines(text), repairer: Repairer()).count, 4)
    }

    func testImagesAreRememberedForTheNextBlock() {
        let blocks = Segmenter().segment(lines("![x](#)\nA caption under the image"), repairer: Repairer())
        XCTAssertEqual(blocks.first?.imagesBefore, 1)
    }

    func testJoinMarksAreFoundOnlyAsTheWholeMark() {
        XCTAssertTrue(Repairer.hasJoinMark("hy\u{E000}phen"))
        XCTAssertTrue(Repairer.hasJoinMark("end\u{E000}"))
        XCTAssertTrue(Repairer.hasJoinMark("\u{E001}\u{E000}"))
        XCTAssertFalse(Repairer.hasJoinMark("private \u{E001} use"))
        XCTAssertFalse(Repairer.hasJoinMark("plain text, î and ů"))
        XCTAssertFalse(Repairer.hasJoinMark(""))
    }
}
