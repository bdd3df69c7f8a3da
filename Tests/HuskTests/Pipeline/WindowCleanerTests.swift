@testable import Husk
import XCTest

final class WindowCleanerTests: XCTestCase {
    /// The repeat counts equal a plain count of each key, with keys that collide in the
    /// table's low bits and runs long enough to wrap around its end.
    func testOccurrencesCountEachKeyAmongAllKeys() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let pool = (0..<Int.random(in: 1...12, using: &generator)).map { _ -> UInt64 in
                // Same low bits, different high bits: they must still count apart.
                Bool.random(using: &generator) ? UInt64.random(in: 0...3, using: &generator) << 40 : UInt64.random(in: 0...UInt64.max, using: &generator)
            }
            let keys = (0..<Int.random(in: 0...60, using: &generator)).map { _ in pool.randomElement(using: &generator) ?? 0 }
            XCTAssertEqual(WindowCleaner.occurrences(of: keys), keys.map { key in keys.filter { $0 == key }.count }, "\(keys)")
        }
    }
}
