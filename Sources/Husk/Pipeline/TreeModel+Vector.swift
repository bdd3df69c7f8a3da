@_implementationOnly import CHuskKernels

extension TreeModel {
    /// The blocks this processor's vector kernel scores at once: 16 with AVX-512, 8 with AVX2,
    /// 0 without (see CHuskKernels).
    static let vectorKernelLanes = Int(husk_tree_kernel_available())

    /// Whether this processor runs the vector kernel.
    static var vectorKernelAvailable: Bool { vectorKernelLanes > 0 }

    /// Adds every tree's leaf to `scores` with the vector kernel, when the model is of the
    /// trained depth (4) and the processor has it; false (scores untouched) otherwise.
    ///
    /// The kernel tests all 15 nodes of a tree for 16 or 8 blocks at once instead of walking one
    /// block's four dependent steps; it adds the leaves in the same order as `walk`, so the
    /// scores are the same bit for bit (a test holds the two equal).
    func addLeavesWithVectorKernel(
        _ x: UnsafeBufferPointer<Float>, width: Int, rows: [Int], into scores: UnsafeMutableBufferPointer<Double>
    ) -> Bool {
        guard usesVectorKernel, depth == 4, Self.vectorKernelAvailable, !rows.isEmpty else { return false }
        guard let xBase = x.baseAddress, let scoreBase = scores.baseAddress else { return false }
        return rows.withUnsafeBufferPointer { rows in
            splits.withUnsafeBufferPointer { splits in
                leaves.withUnsafeBufferPointer { leaves in
                    guard let rowBase = rows.baseAddress, let splitBase = splits.baseAddress, let leafBase = leaves.baseAddress
                    else { return false }
                    // `Split` is two 4-byte fields, as `husk_split` is.
                    let cSplits = UnsafeRawPointer(splitBase).assumingMemoryBound(to: husk_split.self)
                    return husk_tree_scores_depth4(
                        xBase, width, rowBase, rows.count, cSplits, leafBase, trees, scoreBase, Int32(vectorLanes)) != 0
                }
            }
        }
    }
}
