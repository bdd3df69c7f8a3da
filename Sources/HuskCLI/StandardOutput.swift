import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to stdout. A closed pipe (`husk big.txt | head`) ends the program quietly
/// with status 0, as the reader stopped on purpose; other write errors are reported.
final class StandardOutput {
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16

    init() {
        buffer.reserveCapacity(capacity)
    }

    func write(_ text: String) {
        write(bytes: text.utf8)
    }

    func write(bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(Messages.success) }
                Messages.error("cannot write to standard output: \(String(cString: strerror(errno)))")
                exit(Messages.inputFailed)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
