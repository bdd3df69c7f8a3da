import ICUKit
import XCTest

final class WordBreakerTests: XCTestCase {
    private func words(_ text: String, locale: String = "") throws -> [String] {
        let breaker = try WordBreaker(locale: locale)
        let bytes = Array(text.utf8)
        var out: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            breaker.forEachSegment(in: buffer) { range, kind in
                if kind != .none { out.append(String(decoding: bytes[range], as: UTF8.self)) }
            }
        }
        return out
    }

    func testEnglishWordsKeepContractionsAndNumbers() throws {
        XCTAssertEqual(try words("Don't split 3.14, please."), ["Don't", "split", "3.14", "please"])
    }

    func testChineseIsSegmentedByDictionaryNotSpaces() throws {
        let result = try words("我们今天去北京大学。")
        XCTAssertGreaterThan(result.count, 2)
        XCTAssertEqual(result.joined(), "我们今天去北京大学")
    }
}
