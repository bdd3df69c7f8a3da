@testable import Husk
import XCTest

final class CaseTableTests: XCTestCase {
    /// The table's bytes must equal Swift's own lowercasing for every scalar (it maps scalar by
    /// scalar, as Swift does), including the multi-scalar mappings (İ) and the copied CJK range.
    func testLowercasingMatchesSwiftForEveryScalar() {
        let table = CaseTable()
        var scalars: [Unicode.Scalar] = []
        for v in UInt32(0)...0x2FFFF { if let s = Unicode.Scalar(v) { scalars.append(s) } }
        var start = 0
        while start < scalars.count {
            let chunk = scalars[start..<min(scalars.count, start + 256)]
            let text = String(String.UnicodeScalarView(chunk))
            var out: [UInt8] = []
            table.appendLowercased(text, to: &out)
            XCTAssertEqual(out, Array(text.lowercased().utf8), "scalars from U+\(String(chunk.first?.value ?? 0, radix: 16))")
            start += 256
        }
    }

    func testUppercaseFollowsTheUnicodeProperty() {
        let table = CaseTable()
        for s in ["A", "Ä", "Σ", "Ж", "a", "ß", "中", "1"].compactMap({ $0.unicodeScalars.first }) {
            XCTAssertEqual(table.isUppercase(s), s.properties.isUppercase, String(s))
        }
    }
}
