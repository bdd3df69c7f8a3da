import Husk
import XCTest

final class RepeatedLinesTests: XCTestCase {
    let plea = "Valley Dispatch journalism is funded by readers like you every single month."

    func page(_ topic: String) -> String {
        let body = (0..<4).map {
            "The council discussed the \(topic) plan in session \($0) and residents said the \(topic) mattered to the town because it shaped daily life for many families."
        }.joined(separator: "\n\n")
        return "# News about the \(topic)\n\n\(body)\n\n\(plea)\n\nA closing line about the \(topic) and what comes next.\n"
    }

    func testFingerprintsAreCollectedUnlessTheContextTurnsThemOff() throws {
        let cleaner = try Cleaner()
        let page = "Home\n\nThe council met on Tuesday and agreed that the new library would open in the spring.\n\nShare this\n"
        let collected = try cleaner.clean(page, context: DocumentContext())
        let skipped = try cleaner.clean(page, context: DocumentContext(collectsFingerprints: false))
        XCTAssertFalse(collected.fingerprints.isEmpty)
        XCTAssertTrue(skipped.fingerprints.isEmpty)
        XCTAssertEqual(collected.text, skipped.text)
    }

    func testALineSeenOnEnoughEarlierPagesOfASiteIsDropped() throws {
        let cleaner = try Cleaner()
        var memory = RepeatedLines()
        var kept: [Bool] = []
        for topic in ["library", "ferry", "bridge", "school", "market"] {
            let document = try cleaner.clean(page(topic), context: DocumentContext(site: "dispatch.example", repeatedLines: memory))
            kept.append(document.text.contains(plea))
            memory.observe(site: "dispatch.example", fingerprints: document.fingerprints)
        }
        XCTAssertEqual(kept, [true, true, true, false, false])
        let elsewhere = try cleaner.clean(page("park"), context: DocumentContext(site: "other.example", repeatedLines: memory))
        XCTAssertTrue(elsewhere.text.contains(plea), "what one site repeats says nothing about another")
        let unlearned = try cleaner.clean(page("park"), context: DocumentContext(site: "dispatch.example"))
        XCTAssertTrue(unlearned.text.contains(plea), "no memory, no learning")
    }

    func testADuplicatePageKeepsItsBody() throws {
        let cleaner = try Cleaner()
        var memory = RepeatedLines()
        for _ in 0..<4 {
            let document = try cleaner.clean(page("library"), context: DocumentContext(site: "s", repeatedLines: memory))
            XCTAssertTrue(document.text.contains("session 3"))
            memory.observe(site: "s", fingerprints: document.fingerprints)
        }
    }

    func testMemoryStaysWithinItsCapacity() {
        var memory = RepeatedLines(capacity: 1000)
        for d in 0..<100 {
            memory.observe(site: "s", fingerprints: (0..<50).map { UInt64(d * 50 + $0) } + [7_777_777])
        }
        XCTAssertLessThanOrEqual(memory.count, 1000)
        XCTAssertGreaterThan(memory.count, 0, "keys seen often survive forgetting")
    }

    func testSiteOfURLIsItsHostWithoutWWWOrPort() {
        XCTAssertEqual(DocumentContext.site(ofURL: "https://www.Example.com:8080/a/b?c"), "example.com")
        XCTAssertEqual(DocumentContext.site(ofURL: "news.example.org/x"), "news.example.org")
    }
}
