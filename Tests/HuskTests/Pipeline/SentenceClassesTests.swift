@testable import Husk
import ICUKit
import XCTest

final class SentenceClassesTests: XCTestCase {
    private func icuCount(_ text: String, _ breaker: SentenceBreaker) -> Int {
        let bytes = Array(text.utf8)
        var n = 0
        bytes.withUnsafeBufferPointer { breaker.forEachBoundary(in: $0) { _ in n += 1 } }
        return n
    }

    func testCountsSentencesInOtherScripts() {
        let classes = SentenceClasses()
        func count(_ text: String) -> Int? { Array(text.utf8).withUnsafeBufferPointer { classes.count($0) } }
        XCTAssertEqual(count("第一句。第二句！第三句？"), 3)
        XCTAssertEqual(count("Привет. Как дела? хорошо"), 3)
        XCTAssertEqual(count("Café. Été à Paris."), 2)
        // A combining mark needs rule SB5, which the scan leaves to ICU.
        XCTAssertNil(count("Cafe\u{301}. Next"))
    }

    /// The scan must give ICU's count whenever it gives one: random strings over CJK, Cyrillic
    /// and accented Latin letters of both cases, full-width and ASCII punctuation, digits and spaces.
    func testMatchesICUOnRandomText() throws {
        let breaker = try SentenceBreaker()
        let classes = SentenceClasses()
        let pieces = [
            "字", "か", "カ", "한", "Я", "я", "É", "é", "ß", "a", "Z", "7", "٣", "。", "！", "？", "．", "、", "，", "：", "「", "」",
            "（", "）", "・", ".", "!", "?", " ", "\u{3000}", "\"", ")", ",", "-", "\n", "\u{2019}", "\u{201C}", "…", "¿", "«", "»",
            "\u{301}", "\u{200D}", "😀",
        ]
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...20, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator) ?? "a" }.joined()
            guard let fast = Array(text.utf8).withUnsafeBufferPointer({ classes.count($0) }) else { continue }
            compared += 1
            XCTAssertEqual(fast, icuCount(text, breaker), text.debugDescription)
        }
        XCTAssertGreaterThan(compared, 5_000)
    }

    /// The ASCII classes written out in `ASCIISentences` are ICU's, byte for byte.
    func testASCIIClassesAreICUs() {
        for c in UInt8(0)..<0x80 {
            XCTAssertEqual(ASCIISentences.asciiKind(c), SentenceClasses.kind(icu: SentenceBreakProperty.value(of: UInt32(c))), "\(c)")
        }
    }
}
