import ICUKit
import XCTest

final class UTF16TextTests: XCTestCase {
    private func matches(_ pattern: String, in text: String, from start: Int = 0) throws -> String? {
        let regex = try ICURegex(pattern)
        let shared = UTF16Text()
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            shared.load(buffer)
            guard case .match(let range) = regex.firstMatch(in: shared, from: start) else { return nil }
            return String(decoding: bytes[range], as: UTF8.self)
        }
    }

    func testMatchesMapBackToByteOffsetsThroughEveryEncodingLength() throws {
        XCTAssertEqual(try matches("b+", in: "aabbbcc"), "bbb")
        XCTAssertEqual(try matches("é+", in: "caféé!"), "éé")
        XCTAssertEqual(try matches("日本", in: "これは日本語"), "日本")
        XCTAssertEqual(try matches("x😀y", in: "😀😀x😀y"), "x😀y", "characters outside the BMP are two units")
    }

    func testASearchFromAByteOffsetKeepsTheTextBeforeItAsContext() throws {
        XCTAssertEqual(try matches("\\bcat", in: "concat cat", from: 3), "cat", "the word after, not the one inside \"concat\"")
        XCTAssertNil(try matches("\\bcat", in: "concat", from: 3), "mid-word is no word start")
        XCTAssertEqual(try matches("c\\w+", in: "été café", from: 6), "café")
    }

    func testOneConversionServesManyRegexesAndReloadsReplaceIt() throws {
        let text = UTF16Text()
        let first = try ICURegex("ü")
        let second = try ICURegex("x")
        Array("Grüße x".utf8).withUnsafeBufferPointer { text.load($0) }
        XCTAssertEqual(first.firstMatch(in: text), .match(2..<4))
        XCTAssertEqual(second.firstMatch(in: text), .match(8..<9))
        Array("x".utf8).withUnsafeBufferPointer { text.load($0) }
        XCTAssertEqual(second.firstMatch(in: text), .match(0..<1))
        XCTAssertEqual(first.firstMatch(in: text), .noMatch)
    }
}
