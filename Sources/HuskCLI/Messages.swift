import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The only place the command writes to stderr, and the exit codes it documents.
///
/// Like ripgrep's messages module: one line per problem, naming the file.
enum Messages {
    /// 0: every input cleaned.
    static let success: Int32 = 0
    /// 1: some input failed (others were still cleaned).
    static let inputFailed: Int32 = 1
    /// 2: usage or rules error; nothing was read.
    static let usage: Int32 = 2

    static func error(_ message: String) {
        write("husk: error: \(message)\n")
    }

    static func warning(_ message: String) {
        write("husk: warning: \(message)\n")
    }

    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            guard var base = raw.baseAddress else { return }
            var left = raw.count
            while left > 0 {
                let n = Glibc.write(2, base, left)
                if n <= 0 { return }
                left -= n
                base += n
            }
        }
    }
}
