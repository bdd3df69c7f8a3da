import Foundation

/// Engines ready for reuse, shared by the threads that use one `Cleaner`.
final class EnginePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [Engine] = []
    private let limit = 64

    func take() -> Engine? {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast()
    }

    func give(_ engine: Engine) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < limit { idle.append(engine) }
    }
}
