import Foundation
import XCTest

/// Hostile input, hostile rules, failing disks: each case runs the real binary with a time and
/// memory bound and a documented exit status (see SECURITY.md for the threat model).
final class AdversarialTests: XCTestCase {
    var dir: URL!
    let fm = FileManager.default
    /// The bounds: no case above 10 s or 300 MiB.
    let secondsBound = 10.0
    let memoryBoundMiB = 300.0

    override func setUpWithError() throws {
        dir = fm.temporaryDirectory.appendingPathComponent("husk-adversarial-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: dir)
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    func file(_ name: String, repeating unit: String, count: Int, suffix: String = "") throws -> URL {
        let url = dir.appendingPathComponent(name)
        guard let handle = FileHandle(forWritingAtPath: url.path) ?? {
            fm.createFile(atPath: url.path, contents: nil)
            return FileHandle(forWritingAtPath: url.path)
        }() else { throw NSError(domain: "file", code: 1) }
        let chunkUnits = max(1, (1 << 20) / max(unit.utf8.count, 1))
        let chunk = Data(String(repeating: unit, count: chunkUnits).utf8)
        var left = count
        while left >= chunkUnits {
            handle.write(chunk)
            left -= chunkUnits
        }
        handle.write(Data(String(repeating: unit, count: left).utf8 + Array(suffix.utf8)))
        try handle.close()
        return url
    }

    /// Runs and checks the bounds and the exit status.
    @discardableResult
    func bounded(_ arguments: [String], stdin: URL? = nil, status: Int32, limitFileBytes: Int? = nil,
                 file: StaticString = #filePath, line: UInt = #line) throws -> BoundedRun {
        let run = try BoundedRun.run(arguments, stdin: stdin, in: dir, limitFileBytes: limitFileBytes)
        XCTAssertNil(run.signal, "killed by signal \(run.signal ?? 0)", file: file, line: line)
        XCTAssertEqual(run.status, status, run.stderr, file: file, line: line)
        XCTAssertLessThan(run.seconds, secondsBound, "took \(run.seconds) s", file: file, line: line)
        XCTAssertLessThan(run.peakMiB, memoryBoundMiB, "peak \(run.peakMiB) MiB", file: file, line: line)
        return run
    }

    // MARK: Text

    func testInvalidUTF8OfEveryKindBecomesReplacementCharacters() throws {
        let kinds: [[UInt8]] = [
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80],  // overlong
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],  // UTF-16 surrogates
            [0x80], [0xBF, 0xBF],  // stray continuation bytes
            [0xE2, 0x82], [0xF0, 0x9F, 0x98],  // truncated sequences
            [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFC, 0x84, 0x80, 0x80, 0x80, 0x80], [0xFE], [0xFF],
        ]
        var bytes: [UInt8] = []
        for _ in 0..<200 {
            for k in kinds { bytes += Array("The council met on Tuesday and agreed on the budget ".utf8) + k + Array(" again.\n".utf8) }
            bytes += [0x0A]
        }
        let run = try bounded([try file("utf8.txt", bytes).path], status: 0)
        let text = try XCTUnwrap(String(validating: run.output, as: UTF8.self), "output is valid UTF-8")
        XCTAssertTrue(text.contains("\u{FFFD}"))
        XCTAssertTrue(text.contains("The council met on Tuesday"))
    }

    func testMostlyNULInputIsRefusedAsBinaryWithStatus1() throws {
        let run = try bounded([try file("nul.bin", [UInt8](repeating: 0, count: 1 << 20)).path], status: 1)
        XCTAssertTrue(run.stderr.contains("nul.bin: byte 0: input looks binary"), run.stderr)
    }

    func testScatteredNULAndControlBytesAreRemoved() throws {
        var bytes: [UInt8] = []
        for _ in 0..<100 { bytes += Array("The harbour town voted\u{0} on Sunday to keep the\u{7} ferry that has linked it to the mainland.\n\n".utf8) }
        let run = try bounded([try file("ctl.txt", bytes).path], status: 0)
        XCTAssertFalse(run.output.contains(0))
        XCTAssertFalse(run.output.contains(7))
    }

    func testA100MiBSingleLineStreamsInBoundedMemory() throws {
        let url = try file("line.txt", repeating: "The council met on Tuesday and agreed to open the library. ", count: (100 << 20) / 59)
        let run = try bounded([url.path], status: 0)
        XCTAssertGreaterThan(run.output.count, 50 << 20)
    }

    func testAMillionBlankLines() throws {
        try bounded([try file("blank.txt", repeating: "\n", count: 1_000_000, suffix: "Last words of the page here.\n").path], status: 0)
    }

    func testAMillionOneCharacterLines() throws {
        try bounded([try file("chars.txt", repeating: "a\n", count: 1_000_000).path], status: 0)
    }

    func testDeeplyNestedBracketsAndEmphasis() throws {
        for (name, unit) in [("brackets", "["), ("emphasis", "*"), ("underscores", "_"), ("images", "![")] {
            let url = try file("\(name).txt", repeating: unit, count: 50_000, suffix: " text " + String(repeating: "]", count: 50_000) + "\n")
            try bounded([url.path], status: 0)
        }
    }

    func testAMillionLinkOpenersOnOneLine() throws {
        try bounded([try file("links.txt", repeating: "](", count: 1_000_000).path], status: 0)
    }

    func testRightToLeftAndCombiningMarkStormsComeOutInLogicalOrder() throws {
        let arabic = "أعلن المجلس البلدي يوم الثلاثاء عن افتتاح المكتبة الجديدة في الربيع بعد سنوات من التأخير والنقاش العام حول تكلفتها وموقعها. "
        let hebrew = "מועצת העיר הודיעה ביום שלישי כי הספרייה החדשה תיפתח באביב לאחר שנים של עיכובים ודיון ציבורי ארוך. "
        let storm = "a" + String(repeating: "\u{0301}", count: 5000) + " \u{202E}reversed\u{202C} "
        let url = try file("rtl.txt", repeating: arabic + "\n\n" + hebrew + "\n\n" + storm + "\n\n", count: 2000)
        let run = try bounded([url.path], status: 0)
        let text = String(decoding: run.output, as: UTF8.self)
        XCTAssertTrue(text.contains(arabic.trimmingCharacters(in: .whitespaces)) || text.contains(hebrew.trimmingCharacters(in: .whitespaces)),
                      "right-to-left paragraphs are kept byte for byte, in logical order")
    }

    func testA50MiBTableRow() throws {
        try bounded([try file("table.txt", repeating: "| cell ", count: (50 << 20) / 7, suffix: "|\n").path], status: 0)
    }

    // MARK: Batch inputs

    func testAGzipBombIsRefusedAndTheOtherFilesStillComplete() throws {
        let inputs = dir.appendingPathComponent("in")
        try fm.createDirectory(at: inputs, withIntermediateDirectories: true)
        try "The harbour town voted on Sunday to keep the ferry that has linked it to the mainland for a century.\n"
            .write(to: inputs.appendingPathComponent("ok.txt"), atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "head -c 300000000 /dev/zero | tr '\\0' ' ' | gzip -1 > '\(inputs.path)/bomb.txt.gz'"]
        try gzip.run()
        gzip.waitUntilExit()
        let out = dir.appendingPathComponent("out")
        let run = try bounded(["--output-dir", out.path, inputs.path], status: 1)
        XCTAssertTrue(run.stderr.contains("bomb.txt.gz: byte"), run.stderr)
        XCTAssertTrue(run.stderr.contains("decompression bomb"), run.stderr)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: out.path), ["ok.txt"])
    }

    func testWARCRecordsWhoseLengthsLie() throws {
        let good = "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://x.org/b\r\nContent-Length: 60\r\n\r\n"
            + "The harbour town voted on Sunday to keep its ferry service.\n" + "\r\n\r\n"
        let short = "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://x.org/a\r\nContent-Length: 5\r\n\r\n"
            + String(repeating: "Text that runs past the stated length.\n", count: 1000) + "\r\n\r\n"
        let long = "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 99999999999\r\n\r\nshort\r\n\r\n"
        let url = try file("lies.warc", Array((short + good + long).utf8))
        let run = try bounded(["--input", "warc", url.path], status: 1)
        XCTAssertTrue(run.stderr.contains("record length did not match"), run.stderr)
        XCTAssertTrue(run.stderr.contains("record ends early"), run.stderr)
        XCTAssertTrue(String(decoding: run.output, as: UTF8.self).contains("https://x.org/b"))
    }

    func testAHugeJSONLineIsReportedWithoutHoldingItAll() throws {
        let url = try file("huge.jsonl", repeating: "x", count: 100 << 20, suffix: "\n{\"text\":\"The harbour town voted on Sunday to keep its ferry service for another year.\"}\n")
        // The first "line" is 100 MiB of x: over the 64 MiB line limit, so it is skipped unread.
        let run = try bounded(["--input", "jsonl", url.path], status: 1)
        XCTAssertTrue(run.stderr.contains("line 1: line longer than"), run.stderr)
        XCTAssertEqual(String(decoding: run.output, as: UTF8.self).split(separator: "\n").count, 1)
    }
}
