import Husk
@testable import HuskCLI
import XCTest

/// `husk` with no arguments skips the argument parser; it must do what parsing nothing gives.
final class FilterRunTests: XCTestCase {
    func testNoArgumentsRunsWhatAnEmptyCommandLineParsesTo() throws {
        let parsed = try HuskCommand.parse([])
        let fast = FilterRun.withoutArguments
        XCTAssertFalse(parsed.batch.isBatch)
        XCTAssertEqual(parsed.cleaning.format, fast.format)
        XCTAssertEqual(parsed.explain, fast.explain)
        XCTAssertEqual(parsed.features, fast.showFeatures)
        XCTAssertEqual(!parsed.batch.noLearn, fast.learnsRepeats)
        XCTAssertEqual(parsed.batch.output, fast.outputPath)
        XCTAssertEqual(parsed.files, fast.files)
    }

    func testNoArgumentsCleansWithTheLibraryDefaults() throws {
        let parsed = try HuskCommand.parse([]).cleaning.cleanerOptions(explain: false)
        let defaults = CleanerOptions()
        XCTAssertEqual(parsed.favor, defaults.favor)
        XCTAssertEqual(parsed.language, defaults.language)
        XCTAssertEqual(parsed.normalization, defaults.normalization)
        XCTAssertEqual(parsed.referenceDate, defaults.referenceDate)
        XCTAssertEqual(parsed.useDefaultRules, defaults.useDefaultRules)
        XCTAssertEqual(parsed.explain, defaults.explain)
        XCTAssertEqual(parsed.modelText, defaults.modelText)
        XCTAssertEqual(parsed.extraRules.count, defaults.extraRules.count)
    }
}
