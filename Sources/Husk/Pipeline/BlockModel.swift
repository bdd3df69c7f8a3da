/// The block classifier: a tree model over block features, optionally followed by a second,
/// stacked model that also sees the first model's scores of the neighbouring blocks.
///
/// Stacking lets the model learn context smoothing (a short line between two kept paragraphs
/// is kept; a teaser between dropped links is dropped) instead of hand-set rules.
struct BlockModel: Sendable {
    static let stageSeparator = "husk-gbt-stage 2"

    let stage1: TreeModel
    let stage2: TreeModel?

    init(text: String) throws(HuskError) {
        // Byte search: Foundation's would bridge the whole model to UTF-16 at every start-up.
        let separator = "\n" + Self.stageSeparator + "\n"
        if let offset = text.firstByteOffset(of: separator) {
            let bytes = Array(text.utf8)
            stage1 = try TreeModel(text: String(decoding: bytes[..<offset], as: UTF8.self), featureNames: ContextFeatures.names)
            stage2 = try TreeModel(
                text: String(decoding: bytes[(offset + separator.utf8.count)...], as: UTF8.self), featureNames: StackedFeatures.names)
        } else {
            stage1 = try TreeModel(text: text, featureNames: ContextFeatures.names)
            stage2 = nil
        }
    }

    /// Probabilities for every block of a window (`features` in `ContextFeatures.names` order).
    /// Blocks not `needed` (a rule decided them) get a score only when stage 2 reads it as context.
    func probabilities(_ features: FeatureMatrix, needed: [Bool]) -> [Double] {
        let n = features.count
        let width = max(stage1.featureCount, stage2?.featureCount ?? 0)
        let rows = (0..<n).filter { needed[$0] }
        guard let stage2 else {
            // A single stage reads the window's matrix in place when its rows are the model's
            // width (they are, for the embedded model): no copy of megabytes per window.
            let scores =
                features.width == width
                ? features.values.withUnsafeBufferPointer { stage1.probabilities($0, width: width, rows: rows) }
                : Self.rows(of: features, width: width, copying: rows).withUnsafeBufferPointer {
                    stage1.probabilities($0, width: width, rows: rows)
                }
            var out = [Double](repeating: 0, count: n)
            for (j, b) in rows.enumerated() { out[b] = scores[j] }
            return out
        }
        var x = Self.rows(of: features, width: width, copying: Array(0..<n))
        let p1 = x.withUnsafeBufferPointer { stage1.probabilities($0, width: width, rows: Array(0..<n)) }
        let prefix = StackedFeatures.prefixSums(p1)
        let own = ContextFeatures.names.count
        x.withUnsafeMutableBufferPointer { x in
            for b in rows {
                for (k, value) in StackedFeatures.values(p1, at: b, prefix: prefix).enumerated() where own + k < width {
                    x[b * width + own + k] = Float(value)
                }
            }
        }
        let scores = x.withUnsafeBufferPointer { stage2.probabilities($0, width: width, rows: rows) }
        var out = p1
        for (j, b) in rows.enumerated() { out[b] = scores[j] }
        return out
    }

    /// The feature rows `copied` at `width` columns (x[b * width + f]); only those rows are
    /// read. When the feature rows fill the width, every row read is written in full, so the
    /// buffer is not zeroed; narrower rows need the zeros (and stage 2 writes its own columns
    /// after them).
    private static func rows(of features: FeatureMatrix, width: Int, copying copied: [Int]) -> [Float] {
        let n = features.count
        let columns = min(width, features.width)
        var x =
            columns == width
            ? [Float](unsafeUninitializedCapacity: width * n) { _, count in count = width * n }
            : [Float](repeating: 0, count: width * n)
        x.withUnsafeMutableBufferPointer { x in
            features.values.withUnsafeBufferPointer { values in
                guard let to = x.baseAddress, let from = values.baseAddress else { return }
                for b in copied {
                    (to + b &* width).update(from: from + b &* features.width, count: columns)
                }
            }
        }
        return x
    }
}

/// The stage-2 features computed from stage-1 probabilities `p` of one window's blocks.
/// Must match `tools/train/train.py` exactly.
enum StackedFeatures {
    static let stackedNames = [
        "s2_p", "s2_p_m1", "s2_p_m2", "s2_p_m3", "s2_p_p1", "s2_p_p2", "s2_p_p3", "s2_mean3", "s2_mean10",
        "s2_prev_keep", "s2_next_keep", "s2_mass_before", "s2_max_before5", "s2_max_after5",
    ]
    static let names = ContextFeatures.names + stackedNames

    /// `prefix[i]` is the sum of `p[0..<i]`, added left to right as training does.
    static func prefixSums(_ p: [Double]) -> [Double] {
        var prefix = [0.0]
        prefix.reserveCapacity(p.count + 1)
        for value in p { prefix.append(prefix[prefix.count - 1] + value) }
        return prefix
    }

    static func values(_ p: [Double], at i: Int) -> [Double] {
        values(p, at: i, prefix: prefixSums(p))
    }

    /// The stacked features of block `i`; `prefix` from `prefixSums(p)` keeps a window linear.
    static func values(_ p: [Double], at i: Int, prefix: [Double]) -> [Double] {
        let n = p.count
        func at(_ j: Int) -> Double { j >= 0 && j < n ? p[j] : -1 }
        func mean(_ radius: Int) -> Double {
            let lo = max(0, i - radius)
            let hi = min(n - 1, i + radius)
            var sum = 0.0
            for j in lo...hi { sum += p[j] }
            return sum / Double(hi - lo + 1)
        }
        var previous = 30.0
        var j = i - 1
        while j >= 0 && i - j <= 30 {
            if p[j] >= 0.5 {
                previous = Double(i - j)
                break
            }
            j -= 1
        }
        var next = 30.0
        j = i + 1
        while j < n && j - i <= 30 {
            if p[j] >= 0.5 {
                next = Double(j - i)
                break
            }
            j += 1
        }
        let before = prefix[i]
        let total = prefix[n]
        var maxBefore = -1.0
        for k in max(0, i - 5)..<i { maxBefore = max(maxBefore, p[k]) }
        var maxAfter = -1.0
        if i + 1 < n { for k in (i + 1)...min(n - 1, i + 5) { maxAfter = max(maxAfter, p[k]) } }
        return [
            p[i], at(i - 1), at(i - 2), at(i - 3), at(i + 1), at(i + 2), at(i + 3), mean(3), mean(10),
            previous, next, total == 0 ? 0 : before / total, maxBefore, maxAfter,
        ]
    }
}
