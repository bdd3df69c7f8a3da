#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file under a temporary name beside it and renames it into place when complete.
///
/// Readers never see a half-written output, and a killed run leaves only the hidden temporary
/// (`.name.husk-partial`), which the next run overwrites. A file that exists is complete.
/// A path that exists and is not a regular file (`/dev/stdout`, a FIFO, a device) is written
/// directly: renaming over it would replace the device, not write to it.
public final class AtomicFile {
    public let path: String
    public let temporaryPath: String
    /// False when writing straight to a device or FIFO.
    public let isAtomic: Bool
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    public private(set) var bytesWritten = 0

    /// Creates missing parent directories and opens the temporary file.
    public init(path: String) throws(IOError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            isAtomic = false
            temporaryPath = path
            descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw IOError(path: path, message: "cannot open output: \(IOError.systemMessage(errno))")
            }
            return
        }
        isAtomic = true
        temporaryPath = (dir.isEmpty ? "" : dir + "/") + "." + name + ".husk-partial"
        if !dir.isEmpty { try Self.makeDirectories(dir) }
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw IOError(path: path, message: "cannot create output: \(IOError.systemMessage(errno))")
        }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            if isAtomic { unlink(temporaryPath) }
        }
    }

    public func write(_ bytes: some Sequence<UInt8>) throws(IOError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func write(_ text: String) throws(IOError) {
        try write(text.utf8)
    }

    private func flush() throws(IOError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IOError(path: path, message: "cannot write output: \(IOError.systemMessage(errno))")
            }
            offset += n
        }
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and renames into place (no fsync: a kill cannot tear it, a power cut might). Without this the temporary is removed on deinit.
    public func commit() throws(IOError) {
        try flush()
        if close(descriptor) != 0 {
            descriptor = -1
            if isAtomic { unlink(temporaryPath) }
            throw IOError(path: path, message: "cannot write output: \(IOError.systemMessage(errno))")
        }
        descriptor = -1
        guard isAtomic else { return }
        guard rename(temporaryPath, path) == 0 else {
            let why = IOError.systemMessage(errno)
            unlink(temporaryPath)
            throw IOError(path: path, message: "cannot move output into place: \(why)")
        }
    }

    /// Drops the temporary without touching any existing output.
    public func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
            if isAtomic { unlink(temporaryPath) }
        }
    }

    /// Creates `dir` and its missing parents.
    public static func makeDirectories(_ dir: String) throws(IOError) {
        var info = stat()
        if stat(dir, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return }
            throw IOError(path: dir, message: "exists and is not a directory")
        }
        if let slash = dir.lastIndex(of: "/"), slash != dir.startIndex {
            try makeDirectories(String(dir[..<slash]))
        }
        if mkdir(dir, 0o755) != 0 && errno != EEXIST {
            throw IOError(path: dir, message: "cannot create directory: \(IOError.systemMessage(errno))")
        }
    }
}
