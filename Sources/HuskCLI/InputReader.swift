import Foundation

/// Reads a file (or stdin for `-`) in fixed-size chunks, so memory does not grow with the input.
struct InputReader {
    let path: String
    private let descriptor: Int32
    var chunkSize = 1 << 16

    init(path: String) throws {
        self.path = path
        if path == "-" {
            descriptor = 0
        } else {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                throw InputError(path: path, offset: nil, message: "cannot open: \(String(cString: strerror(errno)))")
            }
            var info = stat()
            if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw InputError(path: path, offset: nil, message: "is a directory (use --output-dir for trees)")
            }
            descriptor = fd
        }
    }

    /// Calls `body` with each chunk and its offset until the end or until `body` returns false.
    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Bool) throws {
        defer { if descriptor != 0 { close(descriptor) } }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var offset = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, offset: offset, message: "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { return }
            let keepGoing = try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<n]), offset) }
            offset += n
            if !keepGoing { return }
        }
    }
}
