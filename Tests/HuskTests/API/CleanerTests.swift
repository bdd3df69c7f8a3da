import Husk
import XCTest

final class CleanerTests: XCTestCase {
    static let article = """
        * [Home](#)
        * [World](#)
        * [Sport](#)

        # Harbour town votes to keep its ferry

        By Jane Doe and John Roe

        March 3, 2024

        Share on Facebook | Twitter | Email

        Residents of the harbour town voted on Sunday to keep the ferry that has linked them to the mainland for more than a century, rejecting a plan to replace it with a bridge.

        The vote was close. Just over half of the town's registered voters took part, and the ferry won by fewer than two hundred votes, according to figures published by the council on Monday morning.

        Supporters of the bridge said it would have brought new jobs and cheaper goods to the island, while opponents argued that the crossing is part of the town's identity and that a bridge would spoil the view.

        Related

        * [Island school wins award](#)
        * [Bridge plan costs rise again](#)

        © 2024 The Harbour Gazette. All rights reserved.
        """

    func testArticleIsKeptAndBoilerplateDropped() throws {
        let document = try Cleaner().clean(Self.article)
        let text = document.text
        XCTAssertTrue(text.contains("Residents of the harbour town voted on Sunday"))
        XCTAssertTrue(text.contains("The vote was close."))
        XCTAssertFalse(text.contains("Share on Facebook"))
        XCTAssertFalse(text.contains("Island school wins award"))
        XCTAssertFalse(text.contains("All rights reserved"))
        XCTAssertFalse(text.contains("Home"))
    }

    func testMetadataComesFromTheText() throws {
        let meta = try Cleaner().clean(Self.article).metadata
        XCTAssertEqual(meta.title, "Harbour town votes to keep its ferry")
        XCTAssertEqual(meta.authors, ["Jane Doe", "John Roe"])
        XCTAssertEqual(meta.author, "Jane Doe; John Roe")
        XCTAssertEqual(meta.date, "2024-03-03")
        XCTAssertEqual(meta.language, "en")
    }

    func testNoDateIsInventedWhenThereIsNone() throws {
        let meta = try Cleaner().clean("# A title here\n\nA paragraph with no date in it, written for the test and long enough to be prose.").metadata
        XCTAssertNil(meta.date)
    }

    func testExplainGivesEveryBlockADecisionAndReason() throws {
        var options = CleanerOptions()
        options.explain = true
        let document = try Cleaner(options: options).clean(Self.article)
        XCTAssertFalse(document.blocks.isEmpty)
        let share = try XCTUnwrap(document.blocks.first { $0.text.hasPrefix("Share on") })
        XCTAssertEqual(share.decision.verdict, .drop)
        XCTAssertEqual(share.decision.label, "drop-share-prompts")
        XCTAssertFalse(share.features.isEmpty)
    }

    func testUserRulesCanProtectAndDrop() throws {
        var options = CleanerOptions()
        options.extraRules = [("mine.rules", """
            [drop-vote-close]
            category = custom
            keywords = vote was close
            pattern = ^the vote was close
            match = The vote was close. Yes.
            no-match = A vote.
            """)]
        let text = try Cleaner(options: options).clean(Self.article).text
        XCTAssertFalse(text.contains("The vote was close."))
    }

    func testBinaryInputIsRefused() throws {
        let bytes = [UInt8](repeating: 0, count: 10_000)
        XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { try Cleaner().clean(bytes: $0) }) { error in
            XCTAssertEqual(error as? HuskError, .binaryInput(offset: 0))
        }
    }

    func testEmptyInputGivesAnEmptyDocument() throws {
        let document = try Cleaner().clean("")
        XCTAssertTrue(document.paragraphs.isEmpty)
        XCTAssertNil(document.metadata.title)
    }

    /// The README's library example: Husk as one step of a pipeline.
    func testCleanerWorksAsAPipelineStep() throws {
        let cleaner = try Cleaner()
        let pages = [Self.article, "Just a short line"]
        let cleaned = try pages.map { try cleaner.clean($0) }.filter { !$0.paragraphs.isEmpty }
        XCTAssertEqual(cleaned.count, 1)
        let encoded = try JSONEncoder().encode(cleaned[0])
        let decoded = try JSONDecoder().decode(CleanedDocument.self, from: encoded)
        XCTAssertEqual(decoded, cleaned[0])
    }
}
