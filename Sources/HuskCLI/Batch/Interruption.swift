import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Ctrl-C and SIGTERM: the first asks the run to stop after the documents in hand, the second
/// stops at once.
enum Interruption {
    private static let signalNumber = Atomic<Int32>(0)

    /// The signal that asked us to stop, or nil.
    static var requested: Int32? {
        let s = signalNumber.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }

    /// Exit status for a run stopped by `signal`: 128 + its number, as shells report it.
    static func exitStatus(_ signal: Int32) -> Int32 { 128 + signal }

    static func install() {
        let handler: @convention(c) (Int32) -> Void = { sig in
            if Interruption.signalNumber.exchange(sig, ordering: .relaxed) != 0 { _exit(128 + sig) }
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
    }
}
