@testable import Husk
import ICUKit
import XCTest

final class WordCounterTests: XCTestCase {
    /// The ASCII fast path must give exactly ICU's words, and ICU's letter or number kind.
    func testASCIIFastPathMatchesICUWordBreaks() throws {
        let texts = [
            "Don't split 3.14 or 1,000,000; U.S. e.g. snake_case __init__ a.b.c x's",
            "Hello, world! It's 9:30 a.m. on 2024-03-12 -- isn't it? (yes) [no] {maybe} email: a@b.org",
            "She said \"well...\" and left; 5 * 3 = 15 / 2.5 % #hashtag @user http://x.org/a?b=c",
            "rock'n'roll o'clock 'quoted' 1'000 3;4 a:b 12:30 v1.2.3 _lead trail_ a_1 1_a",
            // Typographic quotes and dashes: ’ ‘ join like `.`, the rest break.
            "Don’t ‘quote’ me — it’s “fine” – 1’000 3’s x’3 a’’b ’lead trail’ wait… yes…no rock’n’roll",
            "“Well,” she said—“it’s 9.30’ish”–ok… ‘a’b’ 2‘3 @user’s e.g.’ U.S.’",
            "x _ y __ z ___ _lead 1_a a_1 _1 1_ 2nd Checkout51 10am 4K",
        ]
        let breaker = try WordBreaker()
        for text in texts {
            let bytes = Array(text.utf8)
            var icu: [String] = []
            var fast: [String] = []
            bytes.withUnsafeBufferPointer { buffer in
                breaker.forEachSegment(in: buffer) { range, kind in
                    if kind != .none { icu.append(String(decoding: bytes[range], as: UTF8.self) + (kind == .number ? "/n" : "/l")) }
                }
                XCTAssertTrue(bytes.allSatisfy { $0 < 0x80 } || WordCounter.isTypographicASCII(buffer), text)
                WordCounter.asciiWords(buffer) { range, isLetterWord, isASCII in
                    fast.append(String(decoding: bytes[range], as: UTF8.self) + (isLetterWord ? "/l" : "/n"))
                    XCTAssertEqual(isASCII, bytes[range].allSatisfy { $0 < 0x80 }, text)
                }
            }
            XCTAssertEqual(fast, icu, text)
        }
    }

    func testOnlyTypographicPunctuationKeepsTheFastPath() {
        for (text, expected) in [("it’s — “so”", true), ("café", false), ("© 2024", false), ("a\u{200D}b", false)] {
            Array(text.utf8).withUnsafeBufferPointer { XCTAssertEqual(WordCounter.isTypographicASCII($0), expected, text) }
        }
    }

    /// The fast path against ICU, words and their letter/number kind, on every line of the
    /// golden samples it accepts (a run over the dev benchmark's 155k lines agreed too).
    func testFastPathMatchesICUOnEveryEligibleSampleLine() throws {
        let breaker = try WordBreaker()
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: SampleSupport.root.path) {
            let input = SampleSupport.root.appendingPathComponent(name).appendingPathComponent("input.txt")
            guard let text = try? String(contentsOf: input, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                let bytes = Array(line.utf8)
                bytes.withUnsafeBufferPointer { buffer in
                    guard bytes.allSatisfy({ $0 < 0x80 }) || WordCounter.isTypographicASCII(buffer) else { return }
                    checked += 1
                    var icu: [String] = []
                    var fast: [String] = []
                    breaker.forEachSegment(in: buffer) { range, kind in
                        if kind != .none { icu.append(String(decoding: bytes[range], as: UTF8.self) + (kind == .number ? "/n" : "/l")) }
                    }
                    WordCounter.asciiWords(buffer) { range, isLetterWord, isASCII in
                        fast.append(String(decoding: bytes[range], as: UTF8.self) + (isLetterWord ? "/l" : "/n"))
                        XCTAssertEqual(isASCII, bytes[range].allSatisfy { $0 < 0x80 }, String(line))
                    }
                    XCTAssertEqual(fast, icu, String(line))
                }
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }

    func testASCIIWordProbesEqualProbesOfTheLowercaseWord() {
        for word in ["The", "AND", "isn't", "x", "Extraordinarily", "U.S", "snake_case", "B2B", "@handle", "eightchr", "NINECHARS"] {
            let fast = Array(word.utf8).withUnsafeBufferPointer { StopwordSet.Probe(asciiWord: $0) }
            let slow = StopwordSet.Probe(lowercasedBytes: Array(word.lowercased().utf8))
            XCTAssertEqual(fast.key, slow.key, word)
            XCTAssertEqual(fast.packed, slow.packed, word)
        }
    }

    func testStopwordsAreCountedCaseInsensitively() throws {
        let counts = try WordCounter().count("The cat and THE dog", stopwords: ["the", "and"])
        XCTAssertEqual(counts.words, 5)
        XCTAssertEqual(counts.stopwords, 3)
    }

    func testChineseWordsAreCountedByDictionarySegmentation() throws {
        let counts = try WordCounter().count("我们今天去北京大学参观。", stopwords: [])
        XCTAssertGreaterThan(counts.words, 3)
        XCTAssertEqual(counts.sentences, 1)
    }

    func testSentencesFollowICU() throws {
        XCTAssertEqual(try WordCounter().count("One thing. Another thing! A third?", stopwords: []).sentences, 3)
        XCTAssertEqual(try WordCounter().count("第一句。第二句！", stopwords: []).sentences, 2)
    }
}

final class CaselessScalarTests: XCTestCase {
    func testScalarsMarkedCaselessHaveNoUppercaseAndLowercaseToThemselves() {
        for v in UInt32(0x0500)...0x3FFFF {
            guard let s = Unicode.Scalar(v), s.isCaseless else { continue }
            XCTAssertFalse(s.properties.isUppercase, String(v, radix: 16))
            XCTAssertEqual(String(s).lowercased(), String(s), String(v, radix: 16))
        }
    }

    func testAttachedParticlesCountAsFunctionWords() throws {
        var korean = StopwordSet([])
        korean.addAffixes(["을", "는"], kind: .suffix)
        // 창업가들을 (object particle) and 영도구는 (topic particle) carry one; 경제 does not,
        // and a bare 는 keeps no stem.
        let counts = try WordCounter().count("창업가들을 영도구는 경제 는", stopwords: korean)
        XCTAssertEqual(counts.words, 4)
        XCTAssertEqual(counts.stopwords, 2)
    }

    func testAttachedPrefixesNeedAStemOfTwoLetters() throws {
        var hebrew = StopwordSet([])
        hebrew.addAffixes(["ו", "ה"], kind: .prefix)
        XCTAssertTrue(hebrew.hasFunctionAffix("והבניין"))
        XCTAssertFalse(hebrew.hasFunctionAffix("הם"), "one letter left is not a stem")
        XCTAssertFalse(hebrew.hasFunctionAffix("בית"), "no listed prefix")
    }

    func testEmbeddedAffixesAreReadForKoreanAndHebrew() {
        let stoplists = Stoplists()
        XCTAssertTrue(stoplists.set(for: "ko").hasAffixes)
        XCTAssertTrue(stoplists.set(for: "he").hasAffixes)
        XCTAssertFalse(stoplists.set(for: "en").hasAffixes)
    }
}
