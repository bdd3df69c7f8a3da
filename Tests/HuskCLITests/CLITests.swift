import Foundation
import XCTest

/// Runs the built `husk` binary as a user would.
final class CLITests: XCTestCase {
    let page = """
        * [Home](#)
        * [News](#)

        # Ferry survives the vote

        By Ann Lee

        The harbour town voted on Sunday to keep the ferry that has linked it to the mainland for a century, rejecting a plan for a bridge.

        Share this article
        """

    func testFilterReadsStdinAndWritesHeadersThenParagraphs() throws {
        let run = try husk([], stdin: page)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Title: Ferry survives the vote\nAuthor: Ann Lee\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("\n\nThe harbour town voted on Sunday"))
        XCTAssertFalse(run.stdout.contains("Share this article"))
        XCTAssertEqual(run.stderr, "")
    }

    func testJSONFormatIsOneObject() throws {
        let run = try husk(["--format", "json"], stdin: page)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["title"] as? String, "Ferry survives the vote")
        XCTAssertNotNil(object?["paragraphs"] as? [String])
    }

    func testMarkdownFormatHasFrontMatter() throws {
        let run = try husk(["--format", "markdown"], stdin: page)
        XCTAssertTrue(run.stdout.hasPrefix("---\ntitle: \"Ferry survives the vote\"\n"), run.stdout)
    }

    func testExplainListsEveryBlockWithItsReason() throws {
        let run = try husk(["--explain"], stdin: page)
        XCTAssertTrue(run.stdout.contains("DROP  drop-share-prompts"), run.stdout)
        XCTAssertTrue(run.stdout.contains("KEEP  p="), run.stdout)
        XCTAssertTrue(run.stdout.contains("meta  title: Ferry survives the vote"), run.stdout)
    }

    func testHelpDocumentsExitStatus() throws {
        let run = try husk(["--help"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stdout.contains("EXIT STATUS:"))
        XCTAssertTrue(run.stdout.contains("--format"))
    }

    func testMissingFileFailsWithStatus1AndOthersStillClean() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("husk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let good = dir.appendingPathComponent("good.txt")
        try page.write(to: good, atomically: true, encoding: .utf8)
        let run = try husk([dir.appendingPathComponent("missing.txt").path, good.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("husk: error: \(dir.path)/missing.txt: cannot open"), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(run.stdout.contains("The harbour town voted"))
    }

    func testBinaryInputIsRefusedWithOneLine() throws {
        let run = try husk([], shell: "head -c 20000 /dev/zero | HUSK")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("<stdin>: byte 0: input looks binary"), run.stderr)
    }

    func testBadRulesFileExitsTwoWithPositions() throws {
        let rules = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).rules")
        try "[drop-x]\ncategory = nav\naction = explode\npattern = (\n".write(to: rules, atomically: true, encoding: .utf8)
        let run = try husk(["--rules", rules.path], stdin: page)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\(rules.path):3:10: unknown action"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\(rules.path):4:"), run.stderr)
        XCTAssertEqual(run.stdout, "")
        let check = try husk(["rules", "check", rules.path])
        XCTAssertEqual(check.status, 2)
    }

    func testRulesCheckAcceptsTheBuiltInRules() throws {
        let run = try husk(["rules", "check", "Rules/core.rules"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("rules OK"))
    }

    func testUsageErrorExitsTwo() throws {
        XCTAssertEqual(try husk(["--format", "pdf"]).status, 2)
    }

    func testClosedPipeEndsQuietly() throws {
        let big = String(repeating: "The harbour town voted on Sunday to keep the ferry that has linked it to the mainland.\n\n", count: 20_000)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).txt")
        try big.write(to: file, atomically: true, encoding: .utf8)
        let run = try husk([], shell: "HUSK \(file.path) | head -n 1; echo \"status ${PIPESTATUS:-0}\"")
        XCTAssertEqual(run.stderr, "")
    }
}
