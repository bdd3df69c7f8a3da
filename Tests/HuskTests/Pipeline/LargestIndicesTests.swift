@testable import Husk
import XCTest

final class LargestIndicesTests: XCTestCase {
    func testEqualsTheStableSortsPrefixWithManyTies() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let n = Int.random(in: 0...60, using: &generator)
            let keys = (0..<n).map { _ in Int.random(in: 0...5, using: &generator) }
            for count in [0, 1, 3, 10, 80] {
                let expected = Array(keys.indices.sorted { keys[$0] > keys[$1] }.prefix(count))
                XCTAssertEqual(LargestIndices.of(n, count: count) { keys[$0] }, expected, "\(keys) top \(count)")
            }
        }
    }
}
