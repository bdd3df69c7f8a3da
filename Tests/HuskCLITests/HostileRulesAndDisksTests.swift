import Foundation
import XCTest

/// User rules that misbehave, outputs that cannot be written, and signals.
final class HostileRulesAndDisksTests: XCTestCase {
    var dir: URL!
    let fm = FileManager.default

    override func setUpWithError() throws {
        dir = fm.temporaryDirectory.appendingPathComponent("husk-hostile-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: dir)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    let prose = "The harbour town voted on Sunday to keep the ferry that has linked it to the mainland for a century, rejecting a plan for a bridge.\n\n"

    func testCatastrophicBacktrackingIsStoppedReportedOnceAndTheDocumentCompletes() throws {
        let rules = try write("evil.rules", "[drop-evil]\ncategory = nav\npattern = ^(a+)+$\nmax-length = 100000\n")
        let input = try write("page.txt", prose + String(repeating: String(repeating: "a", count: 40) + "b\n\n", count: 3) + prose)
        let run = try BoundedRun.run(["--rules", rules, input], stdin: nil, in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertLessThan(run.seconds, 10)
        XCTAssertEqual(run.stderr.components(separatedBy: "rule drop-evil: its pattern hit ICU's time or stack limit").count - 1, 1, run.stderr)
        XCTAssertTrue(String(decoding: run.output, as: UTF8.self).contains("The harbour town voted"))
    }

    /// Fuzz finding: forty catastrophic rules used to time out on every block of a page.
    func testManyCatastrophicRulesTimeOutOncePerDocumentNotOncePerBlock() throws {
        let rules = HuskBinary.repo.appendingPathComponent("Tests/HuskTests/Regression/Fuzz/rules-slow-patterns-every-block.rules").path
        let page = HuskBinary.repo.appendingPathComponent("Samples/lang-de-news/input.txt").path
        let run = try BoundedRun.run(["--no-default-rules", "--rules", rules, page, page], stdin: nil, in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertLessThan(run.seconds, 10)
    }

    /// Fuzz finding: a tie between scripts was broken by Dictionary order, which changes per run.
    func testAScriptTieGivesTheSameLanguageInEveryRun() throws {
        let input = HuskBinary.repo.appendingPathComponent("Tests/HuskTests/Regression/Fuzz/pipeline-language-script-tie.txt").path
        let outputs = try (0..<6).map { _ in try husk(["--format", "json", input]).stdout }
        XCTAssertEqual(Set(outputs).count, 1, "\(Set(outputs))")
    }

    func testBrokenRulesFilesFailFastWithPositionsBeforeAnyInputIsRead() throws {
        let cases = [
            "syntax": "[drop-x]\ncategory = nav\nthis line is not a key\n",
            "duplicate": "[drop-x]\ncategory = nav\npattern = a\n\n[drop-x]\ncategory = nav\npattern = b\n",
            "action": "[drop-x]\ncategory = nav\naction = explode\npattern = a\n",
            "regex": "[drop-x]\ncategory = nav\npattern = (unclosed\n",
        ]
        for (name, text) in cases {
            let rules = try write("\(name).rules", text)
            // The input does not exist: a rules error must come first, and alone.
            let run = try BoundedRun.run(["--rules", rules, dir.appendingPathComponent("missing.txt").path], stdin: nil, in: dir)
            XCTAssertEqual(run.status, 2, name)
            XCTAssertTrue(run.stderr.contains("\(name).rules:"), "\(name): \(run.stderr)")
            XCTAssertNotNil(run.stderr.range(of: #"\.rules:\d+:\d+: "#, options: .regularExpression), "\(name): \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("missing.txt"), "\(name): input was touched: \(run.stderr)")
        }
    }

    func testAnOutputDirectoryThatCannotBeCreatedIsOneLineAndStatus1() throws {
        let blocker = try write("blocker", "a file where a folder should be")
        let input = try write("in/page.txt", prose)
        let run = try BoundedRun.run(["--output-dir", blocker + "/out", input], stdin: nil, in: dir)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("not a directory"), run.stderr)
    }

    func testAFullDiskFailsThatOutputWithoutAPartialFileAndTheOthersComplete() throws {
        _ = try write("in/big.txt", (0..<2000).map { "Report \($0): the harbour town voted on Sunday, by \($0 * 7 + 3) votes to \($0 % 13), to keep the ferry that has linked it to the mainland for a century.\n\n" }.joined())
        _ = try write("in/small.txt", prose)
        let out = dir.appendingPathComponent("out")
        // ulimit -f makes writes past 64 KiB fail with EFBIG, as a full disk fails with ENOSPC.
        let run = try BoundedRun.run(["--output-dir", out.path, "--jobs", "1", dir.appendingPathComponent("in").path],
                                     stdin: nil, in: dir, limitFileBytes: 64 << 10)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("big.txt: cannot write output"), run.stderr)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: out.path).sorted(), ["small.txt"])
    }

    func testAFullStandardOutputIsReported() throws {
        let input = try write("page.txt", prose)
        let run = try BoundedRun.run(["-o", "/dev/full", input], stdin: nil, in: dir)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("/dev/full: cannot write output: No space left on device"), run.stderr)
        var info = stat()
        XCTAssertEqual(stat("/dev/full", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "the device is written to, never replaced")
        let shell = try husk([], shell: "HUSK '\(input)' > /dev/full")
        XCTAssertEqual(shell.status, 1)
        XCTAssertTrue(shell.stderr.contains("cannot write to standard output: No space left on device"), shell.stderr)
    }

    func testSIGTERMStopsABatchAfterTheDocumentsInHandWith143AndNoPartialFiles() throws {
        let files = 2000
        for i in 0..<files { _ = try write("in/\(i).txt", String(repeating: prose, count: 40)) }
        let out = dir.appendingPathComponent("out")
        let process = Process()
        process.executableURL = HuskBinary.binary
        process.arguments = ["--output-dir", out.path, "--jobs", "1", dir.appendingPathComponent("in").path]
        let err = Pipe()
        process.standardError = err
        try process.run()
        // Stop it once the batch is under way (its first output exists), however fast it runs.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && ((try? fm.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true) {
            Thread.sleep(forTimeInterval: 0.005)
        }
        process.terminate()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 143, stderr)
        XCTAssertTrue(stderr.contains("run again with --resume"), stderr)
        let written = (try? fm.contentsOfDirectory(atPath: out.path)) ?? []
        XCTAssertFalse(written.contains { $0.hasSuffix(".husk-partial") }, "\(written)")
        XCTAssertLessThan(written.count, files)
    }
}
