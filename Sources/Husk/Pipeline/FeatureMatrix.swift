/// Every block's features in one flat buffer, row by row (`ContextFeatures.names` order).
///
/// One allocation per window instead of one array per block: the rows were the largest
/// allocations of a window and their page faults a tenth of a run's time.
struct FeatureMatrix {
    let width: Int
    private(set) var values: [Double]

    init(rows: Int, width: Int) {
        self.width = width
        values = [Double](repeating: 0, count: rows * width)
    }

    /// A matrix whose every value the caller writes before reading any: the window's matrix is
    /// its largest allocation, and zeroing it first was a second pass over megabytes of memory.
    /// Debug builds fill it with NaN instead, so `hasUnwrittenValues` catches a value left out.
    init(uninitializedRows rows: Int, width: Int) {
        self.width = width
        #if DEBUG
            values = [Double](repeating: .nan, count: rows * width)
        #else
            values = [Double](unsafeUninitializedCapacity: rows * width) { _, count in count = rows * width }
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
            for (k, value) in row.prefix(width).enumerated() { values[i * width + k] = value }
        }
    }

    var count: Int { width == 0 ? 0 : values.count / width }

    subscript(row: Int, column: Int) -> Double {
        get { values[row * width + column] }
        set { values[row * width + column] = newValue }
    }

    func row(_ i: Int) -> ArraySlice<Double> {
        values[(i * width)..<((i + 1) * width)]
    }

    /// Reads and writes all values through one pointer (rows at `row * width`).
    mutating func withUnsafeValues<R>(_ body: (UnsafeMutableBufferPointer<Double>) -> R) -> R {
        values.withUnsafeMutableBufferPointer { body($0) }
    }

    /// Writes through a pointer to row `i`'s first value (for filling many columns at once).
    mutating func withRow<R>(_ i: Int, _ body: (UnsafeMutablePointer<Double>) -> R) -> R {
        let start = i * width
        return values.withUnsafeMutableBufferPointer { all in
            // `start` is within the buffer for every valid row; the base is never nil then.
            body(all.baseAddress.unsafelyUnwrapped + start)
        }
    }
}
