@testable import Husk
import XCTest

/// Copyright holders: the notices glued to the end of a footer paragraph.
final class MetadataExtractorCopyrightTests: XCTestCase {
    private func meta(_ top: String, _ bottom: String = "") throws -> Metadata {
        try MetadataFixture.meta(top, bottom)
    }

    func testANoticeAfterTheLastSentenceOfAFooterParagraphNamesTheSite() throws {
        let disclosure = "We take part in an affiliate program that pays us fees for links to partner shops."
        let m = try meta("# Hiking the flat irons above the town\n\nBy Regan Holt", disclosure + " **©Trail Notes Weekly 2011-2019**")
        XCTAssertEqual(m.sitename, "Trail Notes Weekly")
        let plain = try meta("# Hiking the flat irons above the town\n\nBy Regan Holt", disclosure + " © 2019 Trail Notes Weekly, LLC.")
        XCTAssertEqual(plain.sitename, "Trail Notes Weekly", "year and legal form are no part of the holder")
    }

    func testAHolderBeforeTheSignAndItsYearNamesTheSite() throws {
        for notice in ["Trail Notes Weekly © 2025", "Trail Notes Weekly Copyright ©2019-2025.", "Trail Notes Weekly, LLC © 2025"] {
            let m = try meta("# Hiking the flat irons above the town\n\nBy Regan Holt", "LinkedIn\n\nGitHub\n\n" + notice)
            XCTAssertEqual(m.sitename, "Trail Notes Weekly", notice)
        }
        let credit = try meta("# Hiking the flat irons above the town\n\nBy Regan Holt", "Photos by Regan Holt © 2025 and her friends")
        XCTAssertNil(credit.sitename, "more than a year after the sign")
        for caption in ["Photo by Regan Holt © 2025", "Photo: Regan Holt © 2025", "Shot on the trail above the town with friends © 2025"] {
            XCTAssertNil(try meta("# Hiking the flat irons above the town\n\nBy Regan Holt", caption).sitename, caption)
        }
    }

    func testASignInsideASentenceIsNoNotice() throws {
        let credit = "Photos in this story are © Regan Holt and used with her permission."
        XCTAssertNil(try meta("# Hiking the flat irons above the town\n\nBy Regan Holt", credit).sitename)
    }

    func testYearsAndYearRangesEndNoHolder() {
        XCTAssertEqual(MetadataExtractor.withoutYearRanges("Trail Notes 2011-2019"), "Trail Notes")
        XCTAssertEqual(MetadataExtractor.withoutYearRanges("Trail Notes 2011–19 2020"), "Trail Notes")
        XCTAssertEqual(MetadataExtractor.withoutYearRanges("Studio 54"), "Studio 54", "not a year")
        XCTAssertEqual(MetadataExtractor.withoutYearRanges("Route 66-1"), "Route 66-1")
    }
}
