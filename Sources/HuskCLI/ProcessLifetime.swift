import Husk

/// Holds values until the process exits, so they are never torn down.
///
/// A `Cleaner` owns hundreds of rules, the model and the stoplists; releasing them object by
/// object when `run()` returns cost about 2 ms of every `husk` call, work the exit that follows
/// does for free. Only the CLI does this; the library frees what it allocates.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Cleaner] = []

    /// Called from the main thread before any worker starts.
    static func keep(_ cleaner: Cleaner) {
        kept.append(cleaner)
    }
}
