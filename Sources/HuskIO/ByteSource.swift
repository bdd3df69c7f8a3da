/// Something bytes can be pulled from in chunks: a file, standard input, a decompressor.
public protocol ByteSource: AnyObject {
    /// Fills up to `buffer.count` bytes and returns how many; 0 means the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int
    /// Bytes consumed from the underlying file so far (compressed bytes for a decompressor).
    var rawBytesRead: Int { get }
}

extension ByteSource {
    /// Calls `body` with each chunk until the end or until `body` returns false.
    public func forEachChunk(
        size: Int = 1 << 16, _ body: (UnsafeBufferPointer<UInt8>) throws -> Bool
    ) throws {
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            let n = try read(into: &buffer)
            if n == 0 { return }
            let go = try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<n])) }
            if !go { return }
        }
    }

    /// Everything that is left, up to `limit` bytes (an error beyond it).
    public func readAll(limit: Int) throws(IOError) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try read(into: &chunk)
            if n == 0 { return out }
            if out.count + n > limit {
                throw IOError(path: "", message: "larger than the limit of \(limit) bytes")
            }
            out.append(contentsOf: chunk[0..<n])
        }
    }
}

extension ByteSource {
    /// Reads into `array[from...]` (typed throws cannot pass through `withUnsafeMutableBytes`).
    public func read(into array: inout [UInt8], from: Int = 0) throws(IOError) -> Int {
        var result: Result<Int, IOError> = .success(0)
        array.withUnsafeMutableBytes { raw in
            let target = UnsafeMutableRawBufferPointer(rebasing: raw[from...])
            result = Result { () throws(IOError) in try read(into: target) }
        }
        return try result.get()
    }
}
