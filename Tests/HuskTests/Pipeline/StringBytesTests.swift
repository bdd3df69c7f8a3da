@testable import Husk
import XCTest

final class StringBytesTests: XCTestCase {
    func testFastLowercasingEqualsTheStandardLibrarysOnAnyText() {
        for text in ["", "Follow ORBIT Weekly", "already lower", "Ünïcödé GROSS Straße", "İstanbul", "ΣΟΦΙΑ", "12:30 PM"] {
            XCTAssertEqual(text.lowercasedFast, text.lowercased(), text)
        }
    }

    func testFirstWordIsComparesAWholeWordInAnyASCIICase() {
        XCTAssertTrue("Follow Orbit on Twitter".firstWordIs("follow"))
        XCTAssertTrue("  FOLLOW us".firstWordIs("follow"))
        XCTAssertTrue("follow".firstWordIs("follow"))
        XCTAssertFalse("Followers of Orbit".firstWordIs("follow"))
        XCTAssertFalse("Fol".firstWordIs("follow"))
        XCTAssertFalse("Unfollow Orbit".firstWordIs("follow"))
    }
}
