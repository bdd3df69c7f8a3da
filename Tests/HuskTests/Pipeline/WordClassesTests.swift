@testable import Husk
import ICUKit
import XCTest

final class WordClassesTests: XCTestCase {
    private func icuWords(_ text: String, _ breaker: WordBreaker) -> [String] {
        let bytes = Array(text.utf8)
        var out: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            breaker.forEachSegment(in: buffer) { range, kind in
                if kind != .none { out.append(String(decoding: bytes[range], as: UTF8.self) + (kind == .number ? "/n" : "/l")) }
            }
        }
        return out
    }

    /// Words and their letter/number kind, or nil when the scan leaves the text to ICU.
    private func scanWords(_ text: String, _ classes: WordClasses) -> [String]? {
        let bytes = Array(text.utf8)
        var out: [String] = []
        let done = bytes.withUnsafeBufferPointer { buffer in
            classes.words(buffer) { range, isLetter in
                out.append(String(decoding: bytes[range], as: UTF8.self) + (isLetter ? "/l" : "/n"))
            }
        }
        return done ? out : nil
    }

    func testWordsInLatinGreekAndCyrillicText() throws {
        let classes = WordClasses()
        XCTAssertEqual(scanWords("Café «déjà» vu, l’été 2024!", classes), ["Café/l", "déjà/l", "vu/l", "l’été/l", "2024/n"])
        XCTAssertEqual(scanWords("Привет, мир: 3,5 млн · ΑΘΗΝΑ", classes), ["Привет/l", "мир/l", "3,5/n", "млн/l", "ΑΘΗΝΑ/l"])
        XCTAssertEqual(scanWords("l·l a·b", classes), ["l·l/l", "a·b/l"])  // U+00B7 joins letters (MidLetter)
    }

    func testTextTheScanDoesNotFollowIsLeftToICU() {
        let classes = WordClasses()
        for text in ["Cafe\u{301}", "日本語", "ภาษาไทย", "a\u{200D}b", "שלום", "😀 ok", "カタカナ"] {
            XCTAssertNil(scanWords(text, classes), text)
        }
    }

    /// The scan must give ICU's words whenever it gives any: random strings over letters of
    /// several alphabets and both cases, digits, the characters that join words, and others.
    func testMatchesICUOnRandomText() throws {
        let breaker = try WordBreaker()
        let classes = WordClasses()
        let pieces = [
            "a", "Z", "é", "É", "ß", "ø", "Я", "я", "ё", "Ω", "ά", "ա", "7", "0", "٣", "'", "’", "‘", ".", ",", ";", ":", "·",
            "\u{387}", "_", "@", " ", "-", "–", "—", "“", "”", "«", "»", "©", "€", "%", "/", "!", "?", "…", "(", ")", "\"", "#",
            "&", "\u{2024}", "\u{37E}", "\u{55F}", "ʼ", "ʹ", "\u{5F4}", "\u{A0}", "\u{2009}", "\u{2060}", "\u{301}",
            "→", "★", "☆", "✓", "ℓ", "Ⅻ", "№", "™", "\u{2028}", "\u{2044}", "\u{FE0F}",
        ]
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...16, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator) ?? "a" }.joined()
            guard let fast = scanWords(text, classes) else { continue }
            compared += 1
            XCTAssertEqual(fast, icuWords(text, breaker), text.debugDescription)
        }
        XCTAssertGreaterThan(compared, 5_000)
    }

    /// The scan against ICU on every line of the golden samples it accepts (a run over the dev
    /// benchmark's 94,681 eligible lines agreed too).
    func testMatchesICUOnEveryEligibleSampleLine() throws {
        let breaker = try WordBreaker()
        let classes = WordClasses()
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: SampleSupport.root.path) {
            let input = SampleSupport.root.appendingPathComponent(name).appendingPathComponent("input.txt")
            guard let text = try? String(contentsOf: input, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                guard let fast = scanWords(String(line), classes) else { continue }
                checked += 1
                XCTAssertEqual(fast, icuWords(String(line), breaker), String(line))
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }
}
