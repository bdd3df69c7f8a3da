import Foundation
import XCTest

/// `--output-dir`, `--input jsonl|warc`, `--resume`, `--stats`, run against the real binary.
final class BatchTests: XCTestCase {
    var dir: URL!
    let fm = FileManager.default

    override func setUpWithError() throws {
        dir = fm.temporaryDirectory.appendingPathComponent("husk-batch-\(UUID().uuidString)")
        try fm.createDirectory(at: dir.appendingPathComponent("in/sub"), withIntermediateDirectories: true)
        let samples = HuskBinary.repo.appendingPathComponent("Samples")
        for name in ["seed-like-article", "lang-de-news", "lang-ja-news"] where fm.fileExists(atPath: samples.appendingPathComponent(name).path) {
            try fm.copyItem(at: samples.appendingPathComponent("\(name)/input.txt"), to: dir.appendingPathComponent("in/sub/\(name).txt"))
        }
        let names = try sampleNames().prefix(4)
        for name in names {
            try fm.copyItem(at: samples.appendingPathComponent("\(name)/input.txt"), to: dir.appendingPathComponent("in/\(name).md"))
        }
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: dir)
    }

    /// The golden samples' folder names (folders holding an input.txt).
    func sampleNames() throws -> [String] {
        let samples = HuskBinary.repo.appendingPathComponent("Samples")
        return try fm.contentsOfDirectory(atPath: samples.path).sorted()
            .filter { fm.fileExists(atPath: samples.appendingPathComponent("\($0)/input.txt").path) }
    }

    func path(_ p: String) -> String { dir.appendingPathComponent(p).path }

    func files(under p: String) throws -> [String] {
        let base = path(p)
        return (fm.enumerator(atPath: base)?.allObjects as? [String] ?? [])
            .filter { var d: ObjCBool = false; return fm.fileExists(atPath: base + "/" + $0, isDirectory: &d) && !d.boolValue }
            .sorted()
    }

    func testOutputDirMirrorsTheTreeAndMatchesSingleFileRuns() throws {
        let run = try husk(["--output-dir", path("out"), "--jobs", "2", "--stats", path("stats.json"), path("in")])
        XCTAssertEqual(run.status, 0, run.stderr)
        let inputs = try files(under: "in")
        let outputs = try files(under: "out")
        XCTAssertEqual(outputs, inputs.map { ($0 as NSString).deletingPathExtension + ".txt" })
        for input in inputs {
            let single = try husk([path("in/" + input)])
            let written = try String(contentsOfFile: path("out/" + (input as NSString).deletingPathExtension + ".txt"), encoding: .utf8)
            XCTAssertEqual(written, single.stdout, input)
        }
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("stats.json")))) as? [String: Any]
        XCTAssertEqual(stats?["documents"] as? Int, inputs.count)
        XCTAssertEqual(stats?["failed"] as? Int, 0)
        XCTAssertNotNil(stats?["dropped_by_rule"] as? [String: Any])
    }

    func testResumeSkipsCompleteOutputsAndRedoesMissingOnes() throws {
        XCTAssertEqual(try husk(["--output-dir", path("out"), "-q", path("in")]).status, 0)
        let victim = try XCTUnwrap(try files(under: "out").first)
        try fm.removeItem(atPath: path("out/" + victim))
        try "stale".write(toFile: path("out/." + (victim as NSString).lastPathComponent + ".husk-partial"), atomically: false, encoding: .utf8)
        let run = try husk(["--output-dir", path("out"), "--resume", path("in")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("already done"), run.stderr)
        XCTAssertTrue(fm.fileExists(atPath: path("out/" + victim)))
        XCTAssertFalse(try fm.contentsOfDirectory(atPath: path("out")).contains { $0.hasSuffix(".husk-partial") })
    }

    func testBinaryFilesAreSkippedAndUnreadableOnesFailWithoutStoppingTheRest() throws {
        try Data([0, 1, 2, 0, 0, 0, 0, 9, 0, 0] + [UInt8](repeating: 0, count: 4096)).write(to: URL(fileURLWithPath: path("in/blob.bin")))
        try "text".write(toFile: path("in/locked.txt"), atomically: false, encoding: .utf8)
        try fm.setAttributes([.posixPermissions: 0], ofItemAtPath: path("in/locked.txt"))
        let unreadable = open(path("in/locked.txt"), O_RDONLY) < 0  // root can read anything
        let run = try husk(["--output-dir", path("out"), path("in")])
        XCTAssertTrue(run.stderr.contains("blob.bin: byte"), run.stderr)
        XCTAssertFalse(fm.fileExists(atPath: path("out/blob.txt")))
        XCTAssertTrue(fm.fileExists(atPath: path("out/sub")))
        XCTAssertEqual(run.status, unreadable ? 1 : 0, run.stderr)
    }

    func testJSONLKeepsOtherFieldsAndOrderAndReportsBadLines() throws {
        let lines = [
            #"{"id":"a","url":"https://x.org/1","text":"The council met on Tuesday and agreed that the new library would open in the spring, after a long debate.\n\nShare this article","n":1.50}"#,
            #"{"id":"b" "text":"broken"}"#,
            #"{"id":"c","content":"The harbour town voted on Sunday to keep the ferry that has linked it to the mainland for a century."}"#,
        ]
        let run = try husk(["--input", "jsonl", "--text-key", "content"], stdin: lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("<stdin>: line 1: no \"content\" string"), run.stderr)
        XCTAssertTrue(run.stderr.contains("<stdin>: line 2: invalid JSON: column"), run.stderr)
        let out = run.stdout.split(separator: "\n")
        XCTAssertEqual(out.count, 1)
        XCTAssertTrue(out[0].hasPrefix(#"{"id":"c","content":"The harbour town voted"#), String(out[0]))
        XCTAssertTrue(out[0].contains(#""husk":{"title":"#))
    }

    func testJSONLOutputDoesNotDependOnJobs() throws {
        let samples = HuskBinary.repo.appendingPathComponent("Samples")
        var input = ""
        for name in try sampleNames() {
            let text = try String(contentsOf: samples.appendingPathComponent("\(name)/input.txt"), encoding: .utf8)
            let data = try JSONSerialization.data(withJSONObject: ["id": name, "text": text])
            input += String(decoding: data, as: UTF8.self) + "\n"
        }
        try input.write(toFile: path("docs.jsonl"), atomically: false, encoding: .utf8)
        let one = try husk(["--input", "jsonl", "--jobs", "1", "-q", path("docs.jsonl")])
        let two = try husk(["--input", "jsonl", "--jobs", "2", "-q", "-o", path("two.jsonl"), path("docs.jsonl")])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(two.status, 0, two.stderr)
        XCTAssertEqual(try String(contentsOfFile: path("two.jsonl"), encoding: .utf8), one.stdout)
        XCTAssertEqual(one.stdout.split(separator: "\n").count, input.split(separator: "\n").count)
    }

    func testWARCConversionAndResponseRecordsBecomeJSONLines() throws {
        var warc = Data()
        func record(_ type: String, _ uri: String, _ body: String) {
            let bytes = Array(body.utf8)
            warc.append(Data(("WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n"
                + "WARC-Record-ID: <urn:uuid:\(uri.count)>\r\nContent-Length: \(bytes.count)\r\n\r\n").utf8))
            warc.append(Data(bytes))
            warc.append(Data("\r\n\r\n".utf8))
        }
        record("warcinfo", "", "software: test\r\n")
        record("conversion", "https://x.org/a", "# Ferry survives the vote\n\n2 days ago\n\nThe harbour town voted on Sunday to keep the ferry that has linked it to the mainland for a century, rejecting a plan for a bridge.\n")
        record("response", "https://x.org/html", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><nav><a href=/>Home</a></nav><h1>Budget passes</h1><p>The council voted on Tuesday to approve the new budget, which raises spending on schools and roads over the next three years.</p><script>x()</script></body></html>")
        record("request", "https://x.org/html", "GET / HTTP/1.1\r\n\r\n")
        try warc.write(to: URL(fileURLWithPath: path("t.warc")))
        let run = try husk(["--input", "warc", "--stats", path("s.json"), path("t.warc")])
        XCTAssertEqual(run.status, 0, run.stderr)
        let objects = try run.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
        XCTAssertEqual(objects.map { $0["url"] as? String }, ["https://x.org/a", "https://x.org/html"])
        XCTAssertEqual(objects.map { $0["warc_date"] as? String }, ["2024-03-01T10:00:00Z", "2024-03-01T10:00:00Z"])
        XCTAssertTrue((objects[1]["text"] as? String ?? "").hasPrefix("The council voted"))
        XCTAssertFalse((objects[1]["text"] as? String ?? "").contains("x()"))
        XCTAssertEqual((objects[0]["husk"] as? [String: Any])?["title"] as? String, "Ferry survives the vote")
        XCTAssertEqual((objects[0]["husk"] as? [String: Any])?["date"] as? String, "2024-02-28", "relative to WARC-Date")
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("s.json")))) as? [String: Any]
        XCTAssertEqual(stats?["records_skipped_by_type"] as? [String: Int], ["warcinfo": 1, "request": 1])
    }

    func testALyingRecordLengthIsReportedAndTheOutputStillCompletes() throws {
        try "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 999999\r\n\r\nshort".write(toFile: path("lying.warc"), atomically: false, encoding: .utf8)
        let run = try husk(["--input", "warc", "-o", path("out.jsonl"), path("lying.warc")])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("lying.warc: byte 0: record ends early"), run.stderr)
        XCTAssertTrue(fm.fileExists(atPath: path("out.jsonl")), "the output is complete, with the records before the bad one")
    }

    func testSeveralFilesLearnTheLinesTheirFolderRepeatsUnlessToldNot() throws {
        let plea = "Valley Dispatch journalism is funded by readers like you every single month."
        var paths: [String] = []
        for (i, topic) in ["library", "ferry", "bridge", "school", "market", "park"].enumerated() {
            let body = (0..<4).map {
                "The council discussed the \(topic) plan in session \($0) and residents said the \(topic) mattered to the town because it shaped daily life for many families."
            }.joined(separator: "\n\n")
            let url = dir.appendingPathComponent("site/page\(i).txt")
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "# News about the \(topic)\n\n\(body)\n\n\(plea)\n\nA closing line about the \(topic).\n".write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let learned = try husk(paths)
        XCTAssertEqual(learned.stdout.components(separatedBy: plea).count - 1, 3, "dropped after three pages showed it")
        let plain = try husk(["--no-learn"] + paths)
        XCTAssertEqual(plain.stdout.components(separatedBy: plea).count - 1, 6)
        for i in 6..<20 { try fm.copyItem(atPath: paths[i % 6], toPath: path("site/copy\(i).txt")) }
        _ = try husk(["--output-dir", path("one"), "--jobs", "1", "-q", path("site")])
        _ = try husk(["--output-dir", path("two"), "--jobs", "2", "-q", path("site")])
        for name in try fm.contentsOfDirectory(atPath: path("one")) {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("one/" + name))),
                           try Data(contentsOf: URL(fileURLWithPath: path("two/" + name))), name)
        }
    }

    func testBatchOptionsThatContradictAreUsageErrors() throws {
        XCTAssertEqual(try husk(["--resume", "x"]).status, 2)
        XCTAssertEqual(try husk(["--output-dir", path("o")]).status, 2)
        XCTAssertEqual(try husk(["--explain", "--input", "jsonl"]).status, 2)
        XCTAssertEqual(try husk(["--jobs", "0", "x"]).status, 2)
    }
}
