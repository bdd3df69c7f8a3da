import XCTest
@testable import HuskIO

final class AtomicFileTests: XCTestCase {
    func testOutputAppearsOnlyOnCommitAndDiscardLeavesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("husk-atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("deep/out.txt").path
        let file = try AtomicFile(path: path)
        try file.write("hello")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        try file.commit()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "hello")

        let second = try AtomicFile(path: path)
        try second.write("partial")
        second.discard()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "hello")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("deep").path), ["out.txt"])
    }
}
