@testable import Husk
import XCTest

final class SmallLogsTests: XCTestCase {
    func testTabledLogsAreTheLibrarysBitForBit() {
        for n in [-3, -1] + Array(0...(SmallLogs.tabled + 5)) + [100_000, Int(Int32.max)] {
            XCTAssertEqual(SmallLogs.log1pOfCount(n).bitPattern, log1p(Double(n)).bitPattern, "\(n)")
        }
    }
}
