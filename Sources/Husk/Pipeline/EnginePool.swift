#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Engines ready for reuse, shared by the threads that use one `Cleaner`.
///
/// Guarded by a POSIX mutex rather than Foundation's `NSLock`: the library does not load
/// Foundation, which would cost every short-lived `husk` process milliseconds of start-up.
final class EnginePool: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var idle: [Engine] = []
    private let limit = 64

    init() {
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func take() -> Engine? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return idle.popLast()
    }

    func give(_ engine: Engine) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if idle.count < limit { idle.append(engine) }
    }
}
