@testable import Husk
import XCTest

final class ProseVocabularyTests: XCTestCase {
    private func block(_ text: String) -> Block {
        Block(line: 1, text: text, kind: .paragraph, level: 0, indent: 0,
              linkBytes: 0, links: 0, urls: 0, emphasized: false, imagesBefore: 0, images: 0, gapBefore: true)
    }

    func testWordsCountOnlyWhereTheyStandFree() {
        let vocabulary = ProseVocabulary([block("Write to tim@example.org or see /green and jane-doe."), block("The green hills end.")])
        XCTAssertTrue(vocabulary.contains("green"))
        XCTAssertTrue(vocabulary.contains("end"), "a full stop after a word ends a sentence, it glues nothing")
        XCTAssertFalse(vocabulary.contains("tim"), "part of an address")
        XCTAssertFalse(vocabulary.contains("jane"), "part of a slug")
        XCTAssertFalse(vocabulary.contains("hill"))
    }

    func testWordsAreComparedByTheirExactCase() {
        let vocabulary = ProseVocabulary([block("Library news")])
        XCTAssertFalse(vocabulary.contains("library"))
        XCTAssertTrue(vocabulary.contains("news"))
    }
}
