/// Turns UTF-8 bytes, in any chunking, into lines of valid UTF-8.
///
/// Drops a leading BOM, turns CRLF and CR into line ends, replaces invalid sequences with
/// U+FFFD (counting them), and splits a line longer than `maxLineBytes` so memory stays bounded
/// for input with no newline at all. Every decision depends on the bytes alone, never on where
/// a chunk ended, so output is the same however the input is split.
struct InputDecoder {
    private var pending: [UInt8] = []
    private var lastWasCR = false
    private var firstLine = true
    private let maxLineBytes: Int

    /// Bytes read so far.
    private(set) var bytesRead = 0
    /// Invalid UTF-8 sequences replaced so far.
    private(set) var invalidSequences = 0
    /// Of the first `sampleLimit` bytes: how many are NUL or control bytes.
    private(set) var sampledBytes = 0
    private(set) var controlBytes = 0
    private(set) var firstControlOffset = -1
    private let sampleLimit: Int

    init(maxLineBytes: Int, sampleLimit: Int) {
        self.maxLineBytes = max(16, maxLineBytes)
        self.sampleLimit = sampleLimit
    }

    /// Consumes `chunk`, calling `emit` with each complete line (without its line end). A line
    /// is lent, not given: `emit` must copy what it keeps.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        sample(chunk)
        split(chunk, emit: emit)
    }

    /// Counts the chunk and samples it for the binary check (`feed` does both steps; a stream
    /// checks the sample between them, before any line of the chunk is used).
    mutating func sample(_ chunk: UnsafeBufferPointer<UInt8>) {
        bytesRead += chunk.count
        guard sampledBytes < sampleLimit else { return }
        let take = min(chunk.count, sampleLimit - sampledBytes)
        for k in 0..<take {
            let b = chunk[k]
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x0B && b != 0x1B {
                controlBytes += 1
                if firstControlOffset < 0 { firstControlOffset = sampledBytes + k }
            }
        }
        sampledBytes += take
    }

    /// The line-splitting half of `feed`, for a chunk already passed to `sample`.
    mutating func split(_ chunk: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard chunk.count > 0 else { return }
        var start = 0
        var i = 0
        let n = chunk.count
        if lastWasCR {
            lastWasCR = false
            if chunk[0] == 0x0A {
                start = 1
                i = 1
            }
        }
        while i < n {
            // Eight bytes at a time while none of them is LF or CR (most of every line).
            if i &+ 8 <= n, !Self.holdsLineEnd(UTF8Bytes.word(chunk, at: i)) {
                i &+= 8
                continue
            }
            let b = chunk[i]
            if b == 0x0A || b == 0x0D {
                if pending.isEmpty && i - start <= maxLineBytes {
                    // The whole line is in this chunk: lent from it, not copied.
                    emitLine(UnsafeBufferPointer(rebasing: chunk[start..<i]), emit: emit)
                } else {
                    append(chunk, start, i, emit: emit)
                    flushLine(emit: emit)
                }
                if b == 0x0D {
                    if i + 1 < n {
                        if chunk[i + 1] == 0x0A { i += 1 }
                    } else {
                        lastWasCR = true
                    }
                }
                start = i + 1
            }
            i += 1
        }
        append(chunk, start, n, emit: emit)
    }

    /// Whether one of the eight bytes of `word` is LF or CR (see `UTF8Bytes.matches`).
    @inline(__always)
    static func holdsLineEnd(_ word: UInt64) -> Bool {
        UTF8Bytes.matches(word, 0x0A) | UTF8Bytes.matches(word, 0x0D) != 0
    }

    /// Emits the last line, if the input did not end with a line end.
    mutating func finish(emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        if !pending.isEmpty { flushLine(emit: emit) }
    }

    private mutating func append(_ chunk: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard to > from else { return }
        pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[from..<to]))
        while pending.count > maxLineBytes { splitLongLine(emit: emit) }
    }

    /// Emits the first `maxLineBytes` of a too-long line, cut at a space near the end if there is one,
    /// else at a UTF-8 character boundary.
    private mutating func splitLongLine(emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var cut = maxLineBytes
        let floor = max(1, maxLineBytes - 4096)
        var k = maxLineBytes - 1
        while k >= floor {
            if pending[k] == 0x20 {
                cut = k + 1
                break
            }
            k -= 1
        }
        if cut == maxLineBytes {
            while cut > 1 && (pending[cut] & 0xC0) == 0x80 { cut -= 1 }
        }
        let head = Array(pending[0..<cut])
        pending.removeFirst(cut)
        head.withUnsafeBufferPointer { emitLine($0, emit: emit) }
    }

    private mutating func flushLine(emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        let line = pending
        pending.removeAll(keepingCapacity: true)
        line.withUnsafeBufferPointer { emitLine($0, emit: emit) }
    }

    private mutating func emitLine(_ raw: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var line = raw
        if firstLine {
            firstLine = false
            if line.count >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF {
                line = UnsafeBufferPointer(rebasing: line[3...])
            }
        }
        if UTF8Bytes.isValid(line) {
            emit(line)
        } else {
            repaired(line).withUnsafeBufferPointer { emit($0) }
        }
    }

    /// The line with every invalid UTF-8 sequence replaced by U+FFFD (maximal subparts, as Unicode recommends).
    private mutating func repaired(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(line.count + 8)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = line.makeIterator()
        var bad = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                out.append(contentsOf: encoded)
            case .error:
                bad += 1
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .emptyInput:
                break loop
            }
        }
        invalidSequences += bad
        return out
    }

    /// Whether the sampled start of the input is mostly NUL or control bytes.
    func looksBinary(share: Double) -> Bool {
        sampledBytes > 0 && Double(controlBytes) / Double(sampledBytes) > share
    }
}
