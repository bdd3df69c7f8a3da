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

    /// The packed byte counters equal plain counts by character class, on blocks long enough
    /// to flush the packed sums several times, and with every class at its most frequent.
    func testByteClassCountsEqualPlainCountsOnLongBlocks() throws {
        let extractor = FeatureExtractor(counter: try WordCounter())
        let pieces = ["The ", "COUNCIL", " met, ", "on 12/05 ", "| ", "> ", "café ", "Σ ", "ü", "!?", "2024", "—", " "]
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 1022, 1023, 1024, 3000, 5000] {
            var text = ""
            while text.utf8.count < length { text += pieces.randomElement(using: &generator) ?? " " }
            if length == 5000 { text = String(repeating: ",", count: 2500) + String(repeating: "é", count: 1250) }
            let s = extractor.stats(block(text), stopwords: StopwordSet([]))
            let bytes = Array(text.utf8)
            XCTAssertEqual(s.digits, bytes.filter { $0 >= 0x30 && $0 <= 0x39 }.count)
            XCTAssertEqual(s.commas, bytes.filter { $0 == 0x2C }.count)
            XCTAssertEqual(s.separators, bytes.filter { $0 == 0x7C || $0 == 0x2F || $0 == 0x3E }.count)
            XCTAssertEqual(s.characters, text.unicodeScalars.count)
            let punctuation = bytes.filter { (0x21...0x2F).contains($0) || (0x3A...0x40).contains($0) || (0x5B...0x60).contains($0) || (0x7B...0x7E).contains($0) }
            XCTAssertEqual(s.punctuation, punctuation.count)
            // Uppercase adds capitals beyond ASCII (Σ) to the ASCII ones.
            XCTAssertEqual(s.uppercase, text.unicodeScalars.filter { $0.properties.isUppercase }.count)
        }
    }
}
