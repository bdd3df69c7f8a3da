import Husk
import XCTest

/// Every golden sample under `Samples/` must pass its expect.json.
final class SampleTests: XCTestCase {
    func testEveryGoldenSamplePasses() throws {
        let cleaner = try Cleaner()
        let cases = SampleSupport.cases()
        XCTAssertGreaterThanOrEqual(cases.count, 12)
        var failures: [String] = []
        for sample in cases {
            let bytes = try SampleSupport.input(sample)
            let document = try bytes.withUnsafeBufferPointer { try cleaner.clean(bytes: $0) }
            let problems = try SampleSupport.problems(document, sample)
            if !problems.isEmpty {
                failures.append(sample.lastPathComponent + ":\n  " + problems.joined(separator: "\n  "))
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) of \(cases.count) samples fail:\n" + failures.joined(separator: "\n"))
    }
}
