/// A source that first returns bytes already read from another, then the rest of it.
///
/// Lets the opener sniff a gzip header on a pipe, which cannot be rewound.
final class ReplaySource: ByteSource {
    private let inner: ByteSource
    private var pending: [UInt8]
    private var start = 0

    init(_ inner: ByteSource, pending: [UInt8]) {
        self.inner = inner
        self.pending = pending
    }

    var rawBytesRead: Int { inner.rawBytesRead - (pending.count - start) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        if start < pending.count {
            let n = min(buffer.count, pending.count - start)
            let from = start
            pending.withUnsafeBytes { raw in
                guard let source = raw.baseAddress, let target = buffer.baseAddress else { return }
                target.copyMemory(from: source + from, byteCount: n)
            }
            start += n
            return n
        }
        return try inner.read(into: buffer)
    }
}
