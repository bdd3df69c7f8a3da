@testable import Husk
import XCTest

final class StopwordIndexTests: XCTestCase {
    func testEachListAnswersOnItsOwnBit() {
        let english: StopwordSet = ["the", "and", "of", "internationalization"]
        let german: StopwordSet = ["der", "und", "the", "über"]
        let index = StopwordIndex([english, german])
        func lists(_ word: String) -> UInt64 { index.lists(holding: StopwordSet.Probe(lowercasedBytes: Array(word.utf8))) }
        XCTAssertEqual(lists("the"), 0b11)
        XCTAssertEqual(lists("and"), 0b01)
        XCTAssertEqual(lists("und"), 0b10)
        XCTAssertEqual(lists("über"), 0b10)  // a hashed (non-ASCII) key
        XCTAssertEqual(lists("internationalization"), 0b01)  // a hashed (long) key
        XCTAssertEqual(lists("cat"), 0)
    }

    /// The index must agree with asking every list, for words in and out of the real stoplists.
    func testAgreesWithTheListsItIndexes() {
        let stoplists = Stoplists()
        let codes = LanguageIdentifier.latinLanguages.filter { stoplists.sets[$0] != nil }
        let sets = codes.compactMap { stoplists.sets[$0] }
        let index = StopwordIndex(sets)
        let words = ["the", "und", "les", "een", "och", "że", "için", "và", "yang", "otherwise", "zzzz", "também", "już"]
        for word in words {
            let probe = StopwordSet.Probe(lowercasedBytes: Array(word.utf8))
            var expected: UInt64 = 0
            for (k, set) in sets.enumerated() where set.contains(probe) { expected |= 1 << UInt64(k) }
            XCTAssertEqual(index.lists(holding: probe), expected, word)
        }
    }
}
