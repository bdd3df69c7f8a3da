@testable import Husk
import XCTest

final class InputDecoderTests: XCTestCase {
    private func lines(_ chunks: [[UInt8]], maxLineBytes: Int = 1 << 20) -> ([String], InputDecoder) {
        var decoder = InputDecoder(maxLineBytes: maxLineBytes, sampleLimit: 8192)
        var out: [String] = []
        for chunk in chunks {
            chunk.withUnsafeBufferPointer { decoder.feed($0) { out.append(String(decoding: $0, as: UTF8.self)) } }
        }
        decoder.finish { out.append(String(decoding: $0, as: UTF8.self)) }
        return (out, decoder)
    }

    func testByteOrderMarkIsDropped() {
        XCTAssertEqual(lines([[0xEF, 0xBB, 0xBF] + Array("hi\n".utf8)]).0, ["hi"])
    }

    func testCRLFAndLoneCRBecomeLineEnds() {
        XCTAssertEqual(lines([Array("a\r\nb\rc\n".utf8)]).0, ["a", "b", "c"])
    }

    func testCRLFSplitAcrossChunksIsOneLineEnd() {
        XCTAssertEqual(lines([Array("a\r".utf8), Array("\nb".utf8)]).0, ["a", "b"])
    }

    func testInvalidUTF8BecomesReplacementCharacterAndIsCounted() {
        let (out, decoder) = lines([[0x61, 0xFF, 0x62, 0xC0, 0xAF, 0x0A]])
        XCTAssertEqual(out, ["a\u{FFFD}b\u{FFFD}\u{FFFD}"])
        XCTAssertEqual(decoder.invalidSequences, 3)
    }

    func testOverlongLineIsSplitAtASpace() {
        let text = String(repeating: "word ", count: 10)
        let (out, _) = lines([Array(text.utf8)], maxLineBytes: 16)
        XCTAssertTrue(out.allSatisfy { $0.utf8.count <= 16 })
        XCTAssertEqual(out.joined(), text)
    }

    /// The eight-byte line-end test against a byte loop, on words made of line ends, bytes
    /// next to them in value, and any bytes.
    func testEightByteLineEndTestAgreesWithAByteLoop() {
        let near: [UInt8] = [0x0A, 0x0D, 0x09, 0x0B, 0x0C, 0x0E, 0x00, 0x8A, 0x8D, 0xFF, 0x41]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100_000 {
            let bytes = (0..<8).map { _ in
                Bool.random(using: &generator) ? near.randomElement(using: &generator) ?? 0 : UInt8.random(in: 0...255, using: &generator)
            }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            XCTAssertEqual(InputDecoder.holdsLineEnd(word), bytes.contains { $0 == 0x0A || $0 == 0x0D }, "\(bytes)")
        }
    }

    func testSplitLinesDoNotDependOnChunking() {
        let bytes = Array(String(repeating: "lorem ipsum ", count: 300).utf8)
        let whole = lines([bytes], maxLineBytes: 100).0
        let pieces = stride(from: 0, to: bytes.count, by: 7).map { Array(bytes[$0..<min(bytes.count, $0 + 7)]) }
        XCTAssertEqual(lines(pieces, maxLineBytes: 100).0, whole)
    }

    func testMostlyControlBytesLookBinary() {
        let (_, decoder) = lines([[UInt8](repeating: 0, count: 100) + Array("text".utf8)])
        XCTAssertTrue(decoder.looksBinary(share: 0.1))
        XCTAssertFalse(lines([Array("plain text\n".utf8)]).1.looksBinary(share: 0.1))
    }
}
