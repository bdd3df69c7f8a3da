/// Line and exact-length reads over a `ByteSource`, with the byte offset of everything read.
public final class BufferedReader {
    let source: ByteSource
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false
    /// Offset of the next unread byte in the (decompressed) stream.
    public private(set) var offset = 0
    /// True when the last line read was longer than its limit and was cut.
    public private(set) var lastLineTruncated = false

    public init(_ source: ByteSource, capacity: Int = 1 << 16) {
        self.source = source
        buffer = [UInt8](repeating: 0, count: capacity)
    }

    /// Refills when empty; false at the end.
    private func fill() throws(IOError) -> Bool {
        if start < end { return true }
        if atEnd { return false }
        let n = try source.read(into: &buffer)
        start = 0
        end = n
        if n == 0 { atEnd = true }
        return n > 0
    }

    /// The next line without its LF (and CR), nil at the end. Bytes past `limit` are dropped.
    public func readLine(limit: Int) throws(IOError) -> [UInt8]? {
        var line: [UInt8] = []
        lastLineTruncated = false
        var sawAny = false
        while try fill() {
            sawAny = true
            let slice = buffer[start..<end]
            if let nl = slice.firstIndex(of: 0x0A) {
                if nl - start > limit - line.count { lastLineTruncated = true }
                if line.count < limit { line.append(contentsOf: buffer[start..<min(nl, start + limit - line.count)]) }
                offset += nl + 1 - start
                start = nl + 1
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            if end - start > limit - line.count { lastLineTruncated = true }
            if line.count < limit { line.append(contentsOf: buffer[start..<min(end, start + limit - line.count)]) }
            offset += end - start
            start = end
        }
        return sawAny ? line : nil
    }

    /// Exactly `count` bytes, passed to `body` in pieces; returns how many there were before the end.
    public func read(count: Int, _ body: (ArraySlice<UInt8>) -> Void) throws(IOError) -> Int {
        var left = count
        while left > 0, try fill() {
            let n = min(left, end - start)
            body(buffer[start..<(start + n)])
            start += n
            offset += n
            left -= n
        }
        return count - left
    }
}
