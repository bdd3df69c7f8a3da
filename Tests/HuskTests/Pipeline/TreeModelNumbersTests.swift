#if canImport(Glibc)
import Glibc
#endif
@testable import Husk
import XCTest

/// The model's numbers must read bit for bit as the C library reads them.
final class TreeModelNumbersTests: XCTestCase {
    private func strtofValue(_ text: String) -> Float {
        text.withCString { strtof($0, nil) }
    }

    private func fast(_ text: String) -> Float? {
        var text = text
        return text.withUTF8 { TreeModel.nearestFloat($0[...]) }
    }

    private func parsed(_ text: String) -> Float? {
        var text = text
        return text.withUTF8 { TreeModel.parseFloat($0[...]) }
    }

    func testModelStyleNumbersReadAsStrtofReadsThem() {
        var generator = SystemRandomNumberGenerator()
        var sure = 0
        for _ in 0..<20_000 {
            // The trainer writes Float values as Python writes Doubles: up to 17 digits.
            let value = Float(bitPattern: UInt32.random(in: 0x3000_0000...0x4F00_0000, using: &generator))
            for sign in [Float(1), -1] {
                for text in ["\(Double(value * sign))", "\(value * sign)"] {
                    let expected = strtofValue(text)
                    if let got = fast(text) {
                        sure += 1
                        XCTAssertEqual(got.bitPattern, expected.bitPattern, text)
                    }
                    XCTAssertEqual(parsed(text)?.bitPattern, expected.bitPattern, text)
                }
            }
        }
        XCTAssertGreaterThan(sure, 70_000, "the fast path should answer nearly every model number")
    }

    func testDecimalsNearMidpointsBetweenFloatsStillReadAsStrtof() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            // Halfway between two neighbouring Floats, then nudged by a few Double steps.
            let low = Float(bitPattern: UInt32.random(in: 0x3800_0000...0x4A00_0000, using: &generator))
            let middle = (Double(low) + Double(low.nextUp)) / 2
            for nudge in -3...3 {
                var value = middle
                for _ in 0..<abs(nudge) { value = nudge < 0 ? value.nextDown : value.nextUp }
                let text = "\(value)"
                XCTAssertEqual(parsed(text)?.bitPattern, strtofValue(text).bitPattern, text)
            }
        }
    }

    func testPlainAndExponentFormsAndJunk() {
        for text in ["15.5", "0.5", "-0.25", "3", "1.5e-05", "2E+3", "0.000123", "-7.0", "1e22"] {
            XCTAssertEqual(parsed(text)?.bitPattern, strtofValue(text).bitPattern, text)
        }
        for junk in ["", "-", ".", "1.2.3", "abc", "1e", "1,5", "12a"] {
            XCTAssertNil(parsed(junk), junk)
        }
        XCTAssertEqual(parsed("0")?.bitPattern, Float(0).bitPattern)
        XCTAssertNil(fast("0"), "zero goes to strtof, which keeps its sign")
    }
}
