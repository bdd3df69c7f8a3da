extension String {
    /// Calls `body` with the string's UTF-8 bytes, without copying them when the string is
    /// native (as every string the pipeline builds is).
    ///
    /// Loops over `utf8` pay a bounds and representation check per byte; a buffer pointer loop
    /// does not, and the per-block scans (hashes, counts, case folds) run on every block.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }
}
