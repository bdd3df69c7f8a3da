@testable import Husk
import ICUKit
import XCTest

final class WordCounterTests: XCTestCase {
    /// The ASCII fast path must give exactly ICU's words.
    func testASCIIFastPathMatchesICUWordBreaks() throws {
        let texts = [
            "Don't split 3.14 or 1,000,000; U.S. e.g. snake_case __init__ a.b.c x's",
            "Hello, world! It's 9:30 a.m. on 2024-03-12 -- isn't it? (yes) [no] {maybe} email: a@b.org",
            "She said \"well...\" and left; 5 * 3 = 15 / 2.5 % #hashtag @user http://x.org/a?b=c",
            "rock'n'roll o'clock 'quoted' 1'000 3;4 a:b 12:30 v1.2.3 _lead trail_ a_1 1_a",
        ]
        let breaker = try WordBreaker()
        for text in texts {
            let bytes = Array(text.utf8)
            var icu: [String] = []
            var fast: [String] = []
            bytes.withUnsafeBufferPointer { buffer in
                breaker.forEachSegment(in: buffer) { range, kind in
                    if kind != .none { icu.append(String(decoding: bytes[range], as: UTF8.self)) }
                }
                WordCounter.asciiWords(buffer) { fast.append(String(decoding: bytes[$0], as: UTF8.self)) }
            }
            XCTAssertEqual(fast, icu, text)
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
