@testable import Husk
import ICUKit
import XCTest

final class ASCIISentencesTests: XCTestCase {
    private func icuCount(_ text: String, _ breaker: SentenceBreaker) -> Int {
        let bytes = Array(text.utf8)
        var n = 0
        bytes.withUnsafeBufferPointer { breaker.forEachBoundary(in: $0) { _ in n += 1 } }
        return n
    }

    private func fastCount(_ text: String) -> Int {
        Array(text.utf8).withUnsafeBufferPointer { ASCIISentences.count($0) }
    }

    func testCountsFollowTheUnicodeSentenceRules() {
        XCTAssertEqual(fastCount(""), 0)
        XCTAssertEqual(fastCount("One thing. Another thing! A third?"), 3)
        XCTAssertEqual(fastCount("Pi is 3.14 today. U.S. Army. e.g. this stays."), 3)
        XCTAssertEqual(fastCount("He said \"Stop.\" Then left."), 2)
        // A full stop before a lowercase word does not end a sentence (SB8); "!" or "?" does.
        XCTAssertEqual(fastCount("Wait... what? yes"), 2)
        XCTAssertEqual(fastCount("Line one\nLine two"), 2)
    }

    /// The scan must give ICU's count on any mix of the characters it accepts: random strings
    /// over letters, digits, terminators, closers, spaces, separators and typographic marks.
    func testMatchesICUOnRandomText() throws {
        let breaker = try SentenceBreaker()
        let pieces = [
            "a", "b", "Z", "Q", "7", ".", ".", "!", "?", " ", " ", "\"", "'", ")", "(", "]", ",", "-", ":", ";", "\n", "\r",
            "\t", "#", "&", "_", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2013}", "\u{2014}", "\u{2026}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...24, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator) ?? "a" }.joined()
            let ok = Array(text.utf8).withUnsafeBufferPointer { WordCounter.isTypographicASCII($0) }
            XCTAssertTrue(ok, text)
            XCTAssertEqual(fastCount(text), icuCount(text, breaker), text.debugDescription)
        }
    }

    /// And on every line of the golden samples that takes the fast path.
    func testMatchesICUOnEveryEligibleSampleLine() throws {
        let breaker = try SentenceBreaker()
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: SampleSupport.root.path) {
            let input = SampleSupport.root.appendingPathComponent(name).appendingPathComponent("input.txt")
            guard let text = try? String(contentsOf: input, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                let eligible = Array(line.utf8).withUnsafeBufferPointer { WordCounter.isTypographicASCII($0) }
                guard eligible else { continue }
                checked += 1
                XCTAssertEqual(fastCount(String(line)), icuCount(String(line), breaker), String(line))
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }

    /// The eight-byte boundary test against a byte loop, on bytes next to the ones it looks for.
    func testEightByteBoundaryTestAgreesWithAByteLoop() {
        let near: [UInt8] = [0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x20, 0x21, 0x22, 0x2D, 0x2E, 0x2F, 0x3E, 0x3F, 0x40, 0x8A, 0xAE, 0x61]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            let bytes = (0..<8).map { _ in near.randomElement(using: &generator) ?? 0x61 }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let expected = bytes.contains { [0x0A, 0x0D, 0x21, 0x2E, 0x3F].contains($0) }
            XCTAssertEqual(ASCIISentences.mayHoldBoundary(word), expected, "\(bytes)")
        }
    }
}
