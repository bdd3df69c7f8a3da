#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `log1p` of a count, looked up for small counts: every block's features take five of them
/// (its characters, its words, prose nearby), and the library call was 1% of a run. The table
/// holds the library's own values, so features are unchanged bit for bit.
enum SmallLogs {
    static let tabled = 1024
    private static let table: [Double] = (0..<tabled).map { log1p(Double($0)) }

    @inline(__always)
    static func log1pOfCount(_ n: Int) -> Double {
        n >= 0 && n < tabled ? table[n] : log1p(Double(n))
    }
}
