@testable import Husk
import XCTest

final class MetadataExtractorSiteRecountTests: XCTestCase {
    private let header = "Library to open in spring after long delay\n\nPriya Raman\n\nMar 3, 2024"
    private let footer = "Liked by Priya Raman\n\n2 replies by Priya Raman\n\n1 reply by Priya Raman\n\n© 2024 Priya Raman · Privacy ∙ Terms"

    func testTheMastheadBeatsTheAuthorsCopyrightOnAPersonalSite() throws {
        let m = try MetadataFixture.meta("Field Notes Weekly\n\nSubscribeSign in\n\n" + header, footer)
        XCTAssertEqual(m.authors, ["Priya Raman"])
        XCTAssertEqual(m.sitename, "Field Notes Weekly")
    }

    func testTheAuthorsCopyrightStaysTheSiteWhenNothingElseNamesIt() throws {
        let m = try MetadataFixture.meta("SubscribeSign in\n\n" + header, footer)
        XCTAssertEqual(m.authors, ["Priya Raman"])
        XCTAssertEqual(m.sitename, "Priya Raman")
    }

    func testControlsGluedAtACaseChangeAreNoBrand() throws {
        let extractor = MetadataExtractor(dates: try DateFinder())
        XCTAssertTrue(extractor.hasGluedNeverWord("SubscribeSign in"))
        XCTAssertTrue(extractor.hasGluedNeverWord("LoginSearch"))
        XCTAssertFalse(extractor.hasGluedNeverWord("YouTube"))
        XCTAssertFalse(extractor.hasGluedNeverWord("ShopWithMe"), "a short never word ends brands")
        XCTAssertFalse(extractor.hasGluedNeverWord("Field Notes"))
    }
}
