@testable import Husk
import XCTest

final class StringBytesTests: XCTestCase {
    func testFastLowercasingEqualsTheStandardLibrarysOnAnyText() {
        for text in ["", "Follow ORBIT Weekly", "already lower", "Ünïcödé GROSS Straße", "İstanbul", "ΣΟΦΙΑ", "12:30 PM"] {
            XCTAssertEqual(text.lowercasedFast, text.lowercased(), text)
        }
    }

    func testFirstWordIsComparesAWholeWordInAnyASCIICase() {
        XCTAssertTrue("Follow Orbit on Twitter".firstWordIs("follow"))
        XCTAssertTrue("  FOLLOW us".firstWordIs("follow"))
        XCTAssertTrue("follow".firstWordIs("follow"))
        XCTAssertFalse("Followers of Orbit".firstWordIs("follow"))
        XCTAssertFalse("Fol".firstWordIs("follow"))
        XCTAssertFalse("Unfollow Orbit".firstWordIs("follow"))
    }

    /// The line validator against the standard library's, on random bytes biased towards
    /// the edges of UTF-8 (overlong forms, surrogates, values above U+10FFFF, cut sequences),
    /// in runs long enough for its eight-byte ASCII steps to meet them at every offset.
    func testUTF8ValidatorAgreesWithTheStandardLibrary() {
        let interesting: [UInt8] = [
            0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xA0, 0x9F, 0xED, 0xEF, 0xF0, 0x90, 0x8F, 0xF4, 0xF5, 0xFF,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ -> UInt8 in
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: return interesting.randomElement(using: &generator) ?? 0
                case 1: return UInt8.random(in: 0...255, using: &generator)
                default: return UInt8.random(in: 0x20...0x7E, using: &generator)
                }
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            bytes.withUnsafeBufferPointer { XCTAssertEqual(UTF8Bytes.isValid($0), expected, "\(bytes)") }
        }
    }

    /// Typographic punctuation keeps the ASCII path, whose result equals `lowercased()`.
    func testFastLowercasingMatchesTheStandardLibrary() {
        for text in ["It’s “Quoted” — OK", "ÉTÉ À PARIS", "Straße", "ALL CAPS…", "plain", "İstanbul", "“"] {
            XCTAssertEqual(text.lowercasedFast, text.lowercased(), text)
        }
    }

    /// The eight-byte double-space test against a byte loop, with pairs inside a word, across
    /// word edges and in the tail.
    func testDoubleSpaceTestAgreesWithAByteLoop() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ -> UInt8 in
                Int.random(in: 0..<3, using: &generator) == 0 ? 0x20 : [0x61, 0xA0, 0x00, 0x21].randomElement(using: &generator) ?? 0x61
            }
            let expected = zip(bytes, bytes.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
            bytes.withUnsafeBufferPointer { XCTAssertEqual(UTF8Bytes.hasDoubleSpace($0), expected, "\(bytes)") }
        }
    }

    /// The exact zero-byte mask marks exactly the zero bytes, whatever their neighbours.
    func testZeroByteMaskMarksExactlyTheZeroBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in Bool.random(using: &generator) ? 0 : [0x01, 0x80, 0xFF, 0x7F].randomElement(using: &generator) ?? 1 }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let expected = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element == 0 ? UInt64(0x80) << (8 * UInt64($1.offset)) : 0) }
            XCTAssertEqual(UTF8Bytes.zeroByteMask(word), expected, "\(bytes)")
        }
    }

    /// Scalars counted eight bytes at a time equal the standard library's count.
    func testScalarCountEqualsTheStandardLibrarys() {
        let pieces = ["a", " ", "é", "—", "𝄞", "中", "Ω", "\u{0301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "a" }.joined()
            XCTAssertEqual(Array(text.utf8).withUnsafeBufferPointer(UTF8Bytes.scalarCount), text.unicodeScalars.count, text)
        }
    }

    /// The words `containsWord` offers are the words of `split(separator: " ")`, in order.
    func testContainsWordOffersTheWordsOfASplitAtSpaces() {
        for text in ["", " ", "one", "  two  words ", "Jane Doe, Staff Writer", "é à  ü", "a  b   c", "trailing "] {
            var offered: [Substring] = []
            XCTAssertFalse(text.containsWord { offered.append($0); return false })
            XCTAssertEqual(offered, text.split(separator: " "), text)
            XCTAssertEqual(text.containsWord { $0 == "Staff" }, text.split(separator: " ").contains("Staff"), text)
        }
    }
}
