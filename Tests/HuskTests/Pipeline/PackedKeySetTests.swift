@testable import Husk
import XCTest

final class PackedKeySetTests: XCTestCase {
    func testHoldsExactlyTheInsertedKeysAcrossGrowth() {
        var set = PackedKeySet()
        var reference = Set<UInt64>()
        var x: UInt64 = 0x1234_5678
        for _ in 0..<5000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let key = x >> (x & 31)  // keys of many sizes, as packed words are
            set.insert(key)
            if key != 0 { reference.insert(key) }
        }
        XCTAssertEqual(set.count, reference.count)
        for key in reference { XCTAssertTrue(set.contains(key)) }
        var misses = 0
        for k in 1...5000 as ClosedRange<UInt64> where !reference.contains(k) && set.contains(k) { misses += 1 }
        XCTAssertEqual(misses, 0, "keys never inserted are absent")
    }

    func testZeroIsNeverAMember() {
        var set = PackedKeySet()
        set.insert(0)
        XCTAssertFalse(set.contains(0))
        XCTAssertTrue(set.isEmpty)
    }

    func testStopwordProbesAgreeWithDirectLookups() {
        let set = StopwordSet(["the", "und", "переведено", "l'"])
        for word in ["the", "und", "переведено", "l'", "then", "theirs", ""] {
            let bytes = Array(word.utf8)
            XCTAssertEqual(set.contains(StopwordSet.Probe(lowercasedBytes: bytes)), set.contains(lowercasedBytes: bytes), word)
        }
    }
}
