#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor; closes it when done if it opened it.
public final class FileSource: ByteSource {
    public let path: String
    private let descriptor: Int32
    private let owned: Bool
    public private(set) var rawBytesRead = 0

    /// Opens `path` for reading, or standard input for `-`. Directories are refused.
    public init(path: String) throws(IOError) {
        self.path = path
        if path == "-" {
            descriptor = 0
            owned = false
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IOError(path: path, message: "cannot open: \(IOError.systemMessage(errno))")
        }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw IOError(path: path, message: "is a directory (use --output-dir for trees)")
        }
        descriptor = fd
        owned = true
    }

    deinit {
        if owned { close(descriptor) }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            #else
            let n = Darwin.read(descriptor, buffer.baseAddress, buffer.count)
            #endif
            if n >= 0 {
                rawBytesRead += n
                return n
            }
            if errno == EINTR { continue }
            throw IOError(path: path, position: "byte \(rawBytesRead)", message: "read failed: \(IOError.systemMessage(errno))")
        }
    }
}
