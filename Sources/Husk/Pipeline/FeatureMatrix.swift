/// Every block's features in one flat buffer, row by row (`ContextFeatures.names` order).
///
/// One allocation per window instead of one array per block: the rows were the largest
/// allocations of a window and their page faults a tenth of a run's time. Values are kept as
/// the Floats the tree model compares: half the memory, and the model reads the matrix in
/// place instead of a converted copy. Reading gives the Float widened to Double.
struct FeatureMatrix {
    let width: Int
    private(set) var values: [Float]

    init(rows: Int, width: Int) {
        self.width = width
        values = [Float](repeating: 0, count: rows * width)
    }

    /// A matrix whose every value the caller writes before reading any: the window's matrix is
    /// its largest allocation, and zeroing it first was a second pass over megabytes of memory.
    /// Debug builds fill it with NaN instead, so `hasUnwrittenValues` catches a value left out.
    init(uninitializedRows rows: Int, width: Int) {
        self.width = width
        #if DEBUG
            values = [Float](repeating: .nan, count: rows * width)
        #else
            values = [Float](unsafeUninitializedCapacity: rows * width) { _, count in count = rows * width }
        #endif
    }

    /// Whether a value of a matrix made by `init(uninitializedRows:width:)` was never written
    /// (debug builds only; release builds cannot tell and answer false).
    var hasUnwrittenValues: Bool {
        #if DEBUG
            return values.contains { $0.isNaN }
        #else
            return false
        #endif
    }

    /// Rows given as arrays (tests, tools); short rows are padded with zeros.
    init(_ rows: [[Double]], width: Int = ContextFeatures.names.count) {
        self.init(rows: rows.count, width: width)
        for (i, row) in rows.enumerated() {
            for (k, value) in row.prefix(width).enumerated() { values[i * width + k] = Float(value) }
        }
    }

    var count: Int { width == 0 ? 0 : values.count / width }

    subscript(row: Int, column: Int) -> Double {
        get { Double(values[row * width + column]) }
        set { values[row * width + column] = Float(newValue) }
    }

    func row(_ i: Int) -> [Double] {
        values[(i * width)..<((i + 1) * width)].map { Double($0) }
    }

    /// Reads and writes all values through one pointer (rows at `row * width`).
    mutating func withUnsafeValues<R>(_ body: (UnsafeMutableBufferPointer<Float>) -> R) -> R {
        values.withUnsafeMutableBufferPointer { body($0) }
    }

    /// Writes through a pointer to row `i`'s first value (for filling many columns at once).
    mutating func withRow<R>(_ i: Int, _ body: (UnsafeMutablePointer<Float>) -> R) -> R {
        let start = i * width
        return values.withUnsafeMutableBufferPointer { all in
            // `start` is within the buffer for every valid row; the base is never nil then.
            body(all.baseAddress.unsafelyUnwrapped + start)
        }
    }
}
