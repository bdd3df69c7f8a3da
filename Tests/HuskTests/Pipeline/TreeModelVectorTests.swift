@testable import Husk
import XCTest

final class TreeModelVectorTests: XCTestCase {
    /// Feature values that sit on, just below and just above the model's own thresholds (where
    /// a wrong comparison would show), plus zeros of both signs, NaN and infinities.
    private func trickyValue(_ model: TreeModel, _ generator: inout some RandomNumberGenerator) -> Float {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: return .nan
        case 1: return [Float.infinity, -.infinity, 0, -0.0].randomElement(using: &generator) ?? 0
        case 2...7:
            let t = model.splits.randomElement(using: &generator)?.threshold ?? 0
            return [t, t.nextDown, t.nextUp].randomElement(using: &generator) ?? t
        default: return Float.random(in: -2...50, using: &generator)
        }
    }

    func testVectorKernelScoresEqualTheScalarWalkBitForBit() throws {
        try XCTSkipUnless(TreeModel.vectorKernelAvailable, "no AVX2 on this processor: the scalar walk is the only path")
        let text = try XCTUnwrap(EmbeddedRules.files["model/blocks.gbt"])
        let vector = try BlockModel(text: text).stage1
        XCTAssertEqual(vector.depth, 4, "the kernel is written for the trained depth")
        var scalar = vector
        scalar.usesVectorKernel = false
        var generator = SystemRandomNumberGenerator()
        let width = ContextFeatures.names.count + 3  // wider rows than the model reads
        // Every kernel this processor runs: AVX-512's sixteen lanes and AVX2's eight.
        for lanes in [8, 16] where lanes <= TreeModel.vectorKernelLanes {
            var vector = vector
            vector.vectorLanes = lanes
            for blocks in [1, 7, 8, 9, 16, 17, 37, 100] {
                let x = (0..<(blocks * width)).map { _ in trickyValue(vector, &generator) }
                // Rows in any order, some left out, some twice: the kernel follows `rows`.
                let rows = (0..<blocks).map { _ in Int.random(in: 0..<blocks, using: &generator) }
                let fast = x.withUnsafeBufferPointer { vector.probabilities($0, width: width, rows: rows) }
                let reference = x.withUnsafeBufferPointer { scalar.probabilities($0, width: width, rows: rows) }
                XCTAssertEqual(fast.map(\.bitPattern), reference.map(\.bitPattern), "\(blocks) blocks, \(lanes) lanes")
            }
        }
    }

    func testEveryLeafOfADepthFourTreeIsReachedAsTheScalarWalkReachesIt() throws {
        try XCTSkipUnless(TreeModel.vectorKernelAvailable, "no AVX2 on this processor: the scalar walk is the only path")
        // One complete depth-4 tree over four features, one feature per level, leaves 1...16:
        // block b (its bits as the four features) must reach leaf b + 1 on both paths.
        var lines = ["husk-gbt 1", "features a b c d", "bias 0", "tree"]
        var next = 1
        func node(_ level: Int) -> Int {
            let me = lines.count
            lines.append("")
            if level == 4 {
                lines[me] = "l \(next)"
                next += 1
            } else {
                let left = node(level + 1)
                let right = node(level + 1)
                lines[me] = "n \(level) 0.5 \(left - 4) \(right - 4)"
            }
            return me
        }
        _ = node(0)
        lines.append("end")
        var vector = try TreeModel(text: lines.joined(separator: "\n") + "\n", featureNames: ["a", "b", "c", "d"])
        var scalar = vector
        scalar.usesVectorKernel = false
        let x: [Float] = (0..<16).flatMap { b in (0..<4).map { level in Float((b >> (3 - level)) & 1) } }
        let rows = Array(0..<16)
        let reference = x.withUnsafeBufferPointer { scalar.probabilities($0, width: 4, rows: rows) }
        XCTAssertEqual(reference.map { (log($0 / (1 - $0))).rounded() }, (1...16).map(Double.init))
        for lanes in [8, 16] where lanes <= TreeModel.vectorKernelLanes {
            vector.vectorLanes = lanes
            let fast = x.withUnsafeBufferPointer { vector.probabilities($0, width: 4, rows: rows) }
            XCTAssertEqual(fast.map(\.bitPattern), reference.map(\.bitPattern), "\(lanes) lanes")
        }
    }
}
