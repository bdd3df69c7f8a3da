@testable import Husk
import XCTest

final class ContextFeaturesTests: XCTestCase {
    private func stats(_ words: Int, stop: Int) -> BlockStats {
        var s = BlockStats()
        s.words = words
        s.stopwords = stop
        return s
    }

    private let context = ContextFeatures(proseMinWords: 20, proseMinStopwordDensity: 0.25)

    func testMainRegionSpansTheProseAndSkipsMenus() {
        let list = [stats(1, stop: 0), stats(2, stop: 0), stats(40, stop: 15), stats(5, stop: 2), stats(50, stop: 20), stats(1, stop: 0)]
        XCTAssertEqual(context.mainRegion(list), 2..<5)
    }

    func testBlocksARuleDropsNeverAnchorTheRegion() {
        // A long cookie banner first, then menus, then the article.
        let list = [stats(40, stop: 15), stats(3, stop: 0), stats(3, stop: 0), stats(30, stop: 12), stats(35, stop: 14)]
        XCTAssertEqual(context.mainRegion(list, ruled: [true, false, false, false, false]), 3..<5)
    }
}
