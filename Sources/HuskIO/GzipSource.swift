import CZlib

/// Decompresses gzip (including the many concatenated members Common Crawl writes) as it reads.
///
/// A decompression bomb is refused: once the output passes `ratioFloor` bytes, it may not exceed
/// `maximumRatio` times the compressed bytes read.
public final class GzipSource: ByteSource {
    private let inner: ByteSource
    private let path: String
    private var stream = z_stream()
    private var input: [UInt8]
    private var inputStart = 0
    private var inputEnd = 0
    private var ended = false
    private var produced = 0
    public let maximumRatio: Int
    public let ratioFloor: Int

    public var rawBytesRead: Int { inner.rawBytesRead }

    public init(_ inner: ByteSource, path: String, maximumRatio: Int = 200, ratioFloor: Int = 64 << 20) throws(IOError) {
        self.inner = inner
        self.path = path
        self.maximumRatio = maximumRatio
        self.ratioFloor = ratioFloor
        input = [UInt8](repeating: 0, count: 1 << 16)
        guard husk_inflate_init_gzip(&stream) == Z_OK else {
            throw IOError(path: path, message: "cannot start gzip decompression")
        }
    }

    deinit {
        inflateEnd(&stream)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        guard let out = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count > 0 else { return 0 }
        while !ended {
            if inputStart == inputEnd {
                let n = try inner.read(into: &input)
                if n == 0 {
                    ended = true
                    if stream.total_in > 0 && !atMemberBoundary {
                        throw IOError(path: path, position: "byte \(rawBytesRead)", message: "gzip data ends early (truncated file)")
                    }
                    return 0
                }
                inputStart = 0
                inputEnd = n
            }
            let (status, consumed, written) = input.withUnsafeMutableBufferPointer { inBuf -> (Int32, Int, Int) in
                stream.next_in = inBuf.baseAddress.map { $0 + inputStart }
                stream.avail_in = UInt32(inputEnd - inputStart)
                stream.next_out = out
                stream.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
                let before = (stream.avail_in, stream.avail_out)
                let status = inflate(&stream, Z_NO_FLUSH)
                return (status, Int(before.0 - stream.avail_in), Int(before.1 - stream.avail_out))
            }
            inputStart += consumed
            atMemberBoundary = false
            switch status {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                // Another gzip member may follow (WARC files are one member per record).
                inflateReset(&stream)
                atMemberBoundary = true
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "code \(status)"
                throw IOError(path: path, position: "byte \(rawBytesRead)", message: "invalid gzip data: \(detail)")
            }
            produced += written
            if produced > ratioFloor && produced > maximumRatio * max(rawBytesRead, 1) {
                throw IOError(
                    path: path, position: "byte \(rawBytesRead)",
                    message: "gzip expands more than \(maximumRatio)x; refused as a decompression bomb")
            }
            if written > 0 { return written }
        }
        return 0
    }

    private var atMemberBoundary = true
}
