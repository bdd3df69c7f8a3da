import XCTest
@testable import HuskIO

final class GzipSourceTests: XCTestCase {
    func testDecompressesWhatGzipWrote() throws {
        let text = Array(String(repeating: "Husk reads gzip. ", count: 5000).utf8)
        let source = try GzipSource(MemorySource(try gzipped(text), chunk: 333), path: "x.gz")
        XCTAssertEqual(try source.readAll(limit: 1 << 24), text)
    }

    func testTruncatedGzipIsAnError() throws {
        let compressed = try gzipped(Array(String(repeating: "abc ", count: 10_000).utf8))
        let source = try GzipSource(MemorySource(Array(compressed.prefix(compressed.count / 2))), path: "x.gz")
        XCTAssertThrowsError(try source.readAll(limit: 1 << 24)) { error in
            XCTAssertTrue((error as? IOError)?.message.contains("truncated") ?? false)
        }
    }

    func testADecompressionBombIsRefused() throws {
        let zeros = [UInt8](repeating: 0x20, count: 8 << 20)
        let source = try GzipSource(MemorySource(try gzipped(zeros)), path: "bomb.gz", maximumRatio: 50, ratioFloor: 1 << 20)
        XCTAssertThrowsError(try source.readAll(limit: 1 << 30)) { error in
            XCTAssertTrue((error as? IOError)?.message.contains("bomb") ?? false)
        }
    }

    func testOpenerDetectsGzipByMagicBytesNotName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("husk-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("a.txt")
        let packed = dir.appendingPathComponent("b.txt")
        try Data("plain text\n".utf8).write(to: plain)
        try Data(try gzipped(Array("packed text\n".utf8))).write(to: packed)
        XCTAssertEqual(try InputOpener.open(plain.path).readAll(limit: 100), Array("plain text\n".utf8))
        XCTAssertEqual(try InputOpener.open(packed.path).readAll(limit: 100), Array("packed text\n".utf8))
    }
}
