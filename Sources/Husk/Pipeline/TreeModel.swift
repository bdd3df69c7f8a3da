import Foundation

/// Gradient-boosted decision trees over block features, read from `Rules/model/blocks.gbt`.
///
/// Trained offline by `tools/train/train.py`; here only evaluated: each tree is walked from its
/// root to a leaf and the leaves are summed into a log-odds score.
struct TreeModel: Sendable {
    struct Node: Sendable {
        /// Feature index, or -1 for a leaf.
        var feature: Int32
        var threshold: Float
        var left: Int32
        var right: Int32
        var value: Float
    }

    var bias: Double
    /// All trees' nodes, flattened; `roots[t]` is where tree t starts.
    var nodes: [Node]
    var roots: [Int]
    /// The model's feature order mapped to positions in `ContextFeatures.names`.
    var featureMap: [Int]

    init(text: String, featureNames: [String]) throws(HuskError) {
        var bias = 0.0
        var nodes: [Node] = []
        var roots: [Int] = []
        var featureMap: [Int] = []
        var treeStart = -1
        // Byte-level splitting: the model has thousands of lines and this runs at every startup.
        for (number, raw) in text.utf8.split(separator: 0x0A).enumerated() {
            guard let firstByte = raw.first, firstByte != 0x23 else { continue }
            let parts = raw.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            guard let head = parts.first else { continue }
            func fail(_ why: String) -> HuskError { .invalidData("model line \(number + 1): \(why)") }
            switch head {
            case "husk-gbt":
                guard parts.count == 2, parts[1] == "1" else { throw fail("unsupported model version") }
            case "features":
                for name in parts.dropFirst() {
                    guard let index = featureNames.firstIndex(of: name) else {
                        throw fail("unknown feature '\(name)'")
                    }
                    featureMap.append(index)
                }
            case "bias":
                guard parts.count == 2, let value = Double(parts[1]) else { throw fail("bad bias") }
                bias = value
            case "tree":
                treeStart = nodes.count
                roots.append(treeStart)
            case "n":
                guard parts.count == 5, let f = Int32(parts[1]), let t = Float(parts[2]), let l = Int32(parts[3]),
                    let r = Int32(parts[4]), Int(f) < featureMap.count, f >= 0
                else { throw fail("bad node") }
                nodes.append(Node(feature: f, threshold: t, left: l + Int32(treeStart), right: r + Int32(treeStart), value: 0))
            case "l":
                guard parts.count == 2, let v = Float(parts[1]) else { throw fail("bad leaf") }
                nodes.append(Node(feature: -1, threshold: 0, left: 0, right: 0, value: v))
            case "end":
                treeStart = -1
            default:
                throw fail("unknown record '\(head)'")
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
        // Lay each tree out breadth-first with siblings adjacent (right = left + 1), so a visit
        // picks its child with arithmetic instead of a hard-to-predict branch.
        var laid: [Node] = []
        var newRoots: [Int] = []
        for root in roots {
            newRoots.append(laid.count)
            laid.append(nodes[root])
            var queue = [(old: root, new: laid.count - 1)]
            var head = 0
            while head < queue.count {
                let (old, new) = queue[head]
                head += 1
                let node = nodes[old]
                guard node.feature >= 0 else { continue }
                let left = laid.count
                laid.append(nodes[Int(node.left)])
                laid.append(nodes[Int(node.right)])
                laid[new].left = Int32(left)
                laid[new].right = Int32(left + 1)
                queue.append((Int(node.left), left))
                queue.append((Int(node.right), left + 1))
            }
        }
        self.bias = bias
        self.nodes = laid
        self.roots = newRoots
        self.featureMap = featureMap
    }

    /// Probability that a block with features `x` (in `ContextFeatures.names` order) is article text.
    func probability(_ x: [Double]) -> Double {
        var score = bias
        // Thresholds are Float: convert each feature once, not once per node visited.
        let xf = x.map { Float($0) }
        xf.withUnsafeBufferPointer { v in
            nodes.withUnsafeBufferPointer { nodes in
                for root in roots {
                    var k = root
                    var steps = 0
                    while nodes[k].feature >= 0 && steps < 64 {
                        let node = nodes[k]
                        let goRight = v[Int(node.feature)] >= node.threshold
                        k = Int(node.left) &+ (goRight ? 1 : 0)
                        steps += 1
                    }
                    score += Double(nodes[k].value)
                }
            }
        }
        return 1 / (1 + exp(-score))
    }
}
