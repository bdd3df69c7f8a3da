@testable import Husk
import XCTest

final class FeatureExtractorTests: XCTestCase {
    private func block(_ text: String) -> Block {
        Block(
            line: 1, text: text, kind: .paragraph, level: 0, indent: 0, linkBytes: 0, links: 0, urls: 0, emphasized: false,
            imagesBefore: 0, images: 0, gapBefore: true)
    }

    /// Counts made during language identification (with an empty stoplist and every word's
    /// probe) give the same statistics as counting the block again with the document's stoplist.
    func testReusedCountsGiveTheSameStatistics() throws {
        let counter = try WordCounter()
        let extractor = FeatureExtractor(counter: counter)
        let stoplists = Stoplists()
        for (text, language) in [
            ("The council met on Tuesday, and it agreed that the library would open in May.", "en"),
            ("Der Rat traf sich am Dienstag und beschloss, dass die Bibliothek im Mai öffnet.", "de"),
            ("Совет собрался во вторник и решил, что библиотека откроется в мае.", "ru"),
            ("L’été dernier, nous sommes allés à la plage avec les enfants.", "fr"),
        ] {
            let stopwords = stoplists.set(for: language)
            let counted = counter.count(text, stopwords: StopwordSet([]), keepProbes: true)
            let fresh = extractor.stats(block(text), stopwords: stopwords)
            let reused = extractor.stats(block(text), stopwords: stopwords, counted: counted)
            XCTAssertGreaterThan(fresh.stopwords, 0, text)
            XCTAssertEqual(reused.stopwords, fresh.stopwords, text)
            XCTAssertEqual(reused.words, fresh.words, text)
            XCTAssertEqual(reused.sentences, fresh.sentences, text)
            XCTAssertEqual(reused.capitalized, fresh.capitalized, text)
        }
    }
}
