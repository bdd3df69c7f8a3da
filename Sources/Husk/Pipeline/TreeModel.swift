#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gradient-boosted decision trees over block features, read from `Rules/model/blocks.gbt`.
///
/// Trained offline by `tools/train/train.py`; here only evaluated: each tree is walked from its
/// root to a leaf and the leaves are summed into a log-odds score. Evaluation runs for every
/// block twice (two stages), so the trees are stored for walking, not for reading back.
struct TreeModel: Sendable {
    struct Node: Sendable {
        /// Feature index, or -1 for a leaf.
        var feature: Int32
        var threshold: Float
        var left: Int32
        var right: Int32
        var value: Float
    }

    /// An inner node of the complete layout: go right when `x[feature] >= threshold`.
    struct Split: Sendable {
        var feature: Int32
        var threshold: Float
    }

    /// Deeper trees would make the complete layout too large (it grows as 2^depth).
    static let maximumDepth = 12

    var bias: Double
    /// Depth of every tree in the complete layout (the deepest tree read).
    var depth: Int
    var trees: Int
    /// Tree t's inner nodes are `splits[t * (2^depth - 1) ..< (t + 1) * (2^depth - 1)]`, heap order.
    var splits: [Split]
    /// Tree t's leaves are `leaves[t * 2^depth ..< (t + 1) * 2^depth]`, left to right.
    var leaves: [Float]
    /// Length of the feature vectors the model reads.
    var featureCount: Int
    /// Whether `probabilities` may use the vector kernel (tests turn it off for the reference walk).
    var usesVectorKernel = true
    /// The kernel's width: 0 for the widest the processor has (tests pick 8 or 16).
    var vectorLanes = 0

    init(text: String, featureNames: [String]) throws(HuskError) {
        var bias = 0.0
        var nodes: [Node] = []
        var roots: [Int] = []
        var featureMap: [Int] = []
        var treeStart = -1
        // Read on bytes, tokens as slices: the model has thousands of lines and is read at
        // every start-up. Numbers are the nearest Float or Double to their decimal, bit for bit
        // what the C library's strtof/strtod (and Swift's Float(String)) give: see `parseFloat`.
        var text = text
        // withUTF8 rethrows untyped errors: the typed one is carried out by hand.
        var failure: HuskError? = nil
        text.withUTF8 { all in
            do throws(HuskError) { try read(all) } catch { failure = error }
        }
        if let failure { throw failure }
        func read(_ all: UnsafeBufferPointer<UInt8>) throws(HuskError) {
            var number = 0
            var start = 0
            var tokens: [Range<Int>] = []
            while start < all.count {
                var end = start
                while end < all.count && all[end] != 0x0A { end += 1 }
                number += 1
                defer { start = end + 1 }
                guard end > start, all[start] != 0x23 else { continue }
                tokens.removeAll(keepingCapacity: true)
                var k = start
                while k < end {
                    while k < end && all[k] == 0x20 { k += 1 }
                    let tokenStart = k
                    while k < end && all[k] != 0x20 { k += 1 }
                    if k > tokenStart { tokens.append(tokenStart..<k) }
                }
                guard let head = tokens.first else { continue }
                let line = number
                func fail(_ why: String) -> HuskError { .invalidData("model line \(line): \(why)") }
                func text(_ r: Range<Int>) -> String { String(decoding: all[r], as: UTF8.self) }
                func int(_ r: Range<Int>) -> Int32? { Self.parseInt(all[r]) }
                func real(_ r: Range<Int>) -> Double? { Self.parseReal(all[r]) }
                switch Record(all[head]) {
                case .version:
                    guard tokens.count == 2, text(tokens[1]) == "1" else { throw fail("unsupported model version") }
                case .features:
                    for token in tokens.dropFirst() {
                        let name = text(token)
                        guard let index = featureNames.firstIndex(of: name) else { throw fail("unknown feature '\(name)'") }
                        featureMap.append(index)
                    }
                case .bias:
                    guard tokens.count == 2, let value = real(tokens[1]) else { throw fail("bad bias") }
                    bias = value
                case .tree:
                    treeStart = nodes.count
                    roots.append(treeStart)
                case .node:
                    guard tokens.count == 5, let f = int(tokens[1]), let t = Self.parseFloat(all[tokens[2]]), let l = int(tokens[3]),
                        let r = int(tokens[4]), Int(f) < featureMap.count, f >= 0
                    else { throw fail("bad node") }
                    nodes.append(Node(feature: f, threshold: t, left: l + Int32(treeStart), right: r + Int32(treeStart), value: 0))
                case .leaf:
                    guard tokens.count == 2, let v = Self.parseFloat(all[tokens[1]]) else { throw fail("bad leaf") }
                    nodes.append(Node(feature: -1, threshold: 0, left: 0, right: 0, value: v))
                case .end:
                    treeStart = -1
                case .unknown:
                    throw fail("unknown record '\(text(head))'")
                }
            }
        }
        guard !roots.isEmpty else { throw .invalidData("model has no trees") }
        for node in nodes where node.feature >= 0 {
            guard node.left >= 0, Int(node.left) < nodes.count, node.right >= 0, Int(node.right) < nodes.count else {
                throw .invalidData("model node points outside its tree")
            }
        }
        // Point nodes straight at positions in the full feature vector: no lookup per visit.
        for k in nodes.indices where nodes[k].feature >= 0 {
            nodes[k].feature = Int32(featureMap[Int(nodes[k].feature)])
        }
        func depth(_ k: Int, _ level: Int) throws(HuskError) -> Int {
            guard level <= Self.maximumDepth else { throw .invalidData("model tree deeper than \(Self.maximumDepth)") }
            let node = nodes[k]
            guard node.feature >= 0 else { return level }
            return max(try depth(Int(node.left), level + 1), try depth(Int(node.right), level + 1))
        }
        var deepest = 0
        for root in roots { deepest = max(deepest, try depth(root, 0)) }
        // Every tree laid out complete to the deepest tree's depth, in heap order: a visit is
        // `k = 2k + 1 + (x >= t)`, a fixed number of steps with no pointer to load. A leaf above
        // the bottom becomes splits whose every path ends in copies of it, so scores are unchanged.
        let internalCount = (1 << deepest) - 1
        var splits = [Split](repeating: Split(feature: 0, threshold: 0), count: roots.count * internalCount)
        var leaves = [Float](repeating: 0, count: roots.count * (internalCount + 1))
        func place(_ old: Int, _ heap: Int, _ level: Int, tree: Int) {
            let node = nodes[old]
            if level == deepest {
                leaves[tree * (internalCount + 1) + heap - internalCount] = node.value
                return
            }
            if node.feature >= 0 {
                splits[tree * internalCount + heap] = Split(feature: node.feature, threshold: node.threshold)
                place(Int(node.left), 2 * heap + 1, level + 1, tree: tree)
                place(Int(node.right), 2 * heap + 2, level + 1, tree: tree)
            } else {
                place(old, 2 * heap + 1, level + 1, tree: tree)
                place(old, 2 * heap + 2, level + 1, tree: tree)
            }
        }
        for (tree, root) in roots.enumerated() { place(root, 0, 0, tree: tree) }
        self.bias = bias
        self.depth = deepest
        self.trees = roots.count
        self.splits = splits
        self.leaves = leaves
        self.featureCount = featureNames.count
    }

    /// Probability that a block with features `x` (in `ContextFeatures.names` order) is article
    /// text: the batch walk below with one row, so there is one tree walk to trust.
    func probability(_ x: [Double]) -> Double {
        let row = x.map { Float($0) }
        return row.withUnsafeBufferPointer { probabilities($0, width: row.count, rows: [0]) }.first ?? 0
    }

    /// Probabilities of many blocks at once: `x` holds block b's features at
    /// `x[b * width ..< (b + 1) * width]`, and `rows` names the blocks to score.
    ///
    /// Blocks go in groups small enough to stay in the first-level cache, and each tree is
    /// walked for the whole group: the walks are independent, so the processor overlaps them
    /// instead of waiting on one node load after another. Every block still adds its leaves in
    /// tree order, so each score equals `probability` of that block's own vector.
    func probabilities(_ x: UnsafeBufferPointer<Float>, width: Int, rows: [Int]) -> [Double] {
        precondition(width >= featureCount, "feature rows narrower than the model's")
        var scores = [Double](repeating: bias, count: rows.count)
        let vectorized = scores.withUnsafeMutableBufferPointer { addLeavesWithVectorKernel(x, width: width, rows: rows, into: $0) }
        if vectorized { return scores.map { 1 / (1 + exp(-$0)) } }
        let group = 32
        let rowPointers = UnsafeMutablePointer<UnsafePointer<Float>>.allocate(capacity: group)
        defer { rowPointers.deallocate() }
        scores.withUnsafeMutableBufferPointer { scores in
            splits.withUnsafeBufferPointer { splits in
                leaves.withUnsafeBufferPointer { leaves in
                    guard let xBase = x.baseAddress, let scoreBase = scores.baseAddress, let firstTree = splits.baseAddress,
                        let firstLeaves = leaves.baseAddress
                    else { return }
                    let internalCount = (1 << depth) - 1
                    for start in stride(from: 0, to: rows.count, by: group) {
                        let count = min(rows.count - start, group)
                        // Where the group's feature rows start, found once for all trees.
                        for j in 0..<count { rowPointers[j] = UnsafePointer(xBase + rows[start + j] &* width) }
                        let out = scoreBase + start
                        var tree = firstTree
                        var leaf = firstLeaves
                        var t = 0
                        if depth == 4 {
                            // Two trees per pass over the group: twice the independent walks
                            // for the processor to overlap (leaves still added in tree order).
                            while t &+ 1 < trees {
                                Self.walkTwoDepth4(tree, leaf, rowPointers, count, out)
                                tree += 2 &* internalCount
                                leaf += 2 &* (internalCount &+ 1)
                                t &+= 2
                            }
                        }
                        while t < trees {
                            Self.walk(tree, leaf, depth: depth, rowPointers, count, out)
                            tree += internalCount
                            leaf += internalCount &+ 1
                            t &+= 1
                        }
                    }
                }
            }
        }
        return scores.map { 1 / (1 + exp(-$0)) }
    }

    /// Adds two consecutive trees' leaves to each of `count` rows' scores: the trained depth,
    /// unrolled, so no loop counter sits between the loads.
    @inline(__always)
    private static func walkTwoDepth4(
        _ tree: UnsafePointer<Split>, _ leaf: UnsafePointer<Float>, _ rows: UnsafePointer<UnsafePointer<Float>>, _ count: Int,
        _ out: UnsafeMutablePointer<Double>
    ) {
        let second = tree + 15
        let secondLeaf = leaf + 16
        for j in 0..<count {
            let row = rows[j]
            @inline(__always) func step(_ tree: UnsafePointer<Split>, _ k: Int) -> Int {
                let split = tree[k]
                return 2 &* k &+ 1 &+ bit(row[Int(split.feature)] >= split.threshold)
            }
            let a = step(tree, step(tree, step(tree, step(tree, 0))))
            let b = step(second, step(second, step(second, step(second, 0))))
            out[j] = out[j] + Double(leaf[a &- 15]) + Double(secondLeaf[b &- 15])
        }
    }

    /// One tree's leaf added to each row's score, for any depth.
    private static func walk(
        _ tree: UnsafePointer<Split>, _ leaf: UnsafePointer<Float>, depth: Int, _ rows: UnsafePointer<UnsafePointer<Float>>,
        _ count: Int, _ out: UnsafeMutablePointer<Double>
    ) {
        let internalCount = (1 << depth) - 1
        for j in 0..<count {
            let row = rows[j]
            var k = 0
            for _ in 0..<depth {
                let split = tree[k]
                k = 2 &* k &+ 1 &+ bit(row[Int(split.feature)] >= split.threshold)
            }
            out[j] += Double(leaf[k &- internalCount])
        }
    }

    /// 1 for true, 0 for false, without a branch: tree walks compare data the branch predictor
    /// cannot guess, and a mispredicted branch per node cost more than the rest of the walk.
    @inline(__always)
    static func bit(_ condition: Bool) -> Int {
        Int(unsafeBitCast(condition, to: UInt8.self))
    }
}
