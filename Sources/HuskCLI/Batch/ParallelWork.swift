import FoundationEssentials
import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Runs `body` for indices 0..<count on `jobs` threads, each taking the next index when free.
///
/// Dynamic hand-out keeps both cores busy when documents differ widely in size.
func parallelFor(_ count: Int, jobs: Int, _ body: (Int) -> Void) {
    if jobs <= 1 || count <= 1 {
        for i in 0..<count { body(i) }
        return
    }
    let counter = Counter()
    onThreads(min(jobs, count)) {
        while true {
            let i = counter.next()
            if i >= count { return }
            body(i)
        }
    }
}

/// Runs `body` once on each of `count` threads and waits for all of them.
///
/// The body shares state the caller made thread-safe (locks, atomics, disjoint buffer slots),
/// which the compiler cannot see through a non-Sendable closure; this is the one place that
/// vouches for it.
func onThreads(_ count: Int, _ body: () -> Void) {
    if count <= 1 {
        body()
        return
    }
    withoutActuallyEscaping(body) { escaping in
        nonisolated(unsafe) let work = escaping
        DispatchQueue.concurrentPerform(iterations: count) { _ in work() }
    }
}

/// A shared index for `parallelFor`.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    func next() -> Int { value.add(1, ordering: .relaxed).oldValue }
}

/// Runs `body` on a new detached POSIX thread (Foundation's `Thread` without Foundation).
func detachThread(_ body: @escaping @Sendable () -> Void) {
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let started = pthread_create(&thread, nil, { raw in
        guard let raw else { return nil }
        Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue().body()
        return nil
    }, context)
    if started == 0 {
        pthread_detach(thread)
    } else {
        // No thread: run the work here rather than lose it.
        Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().body()
    }
}

/// The work handed to a POSIX thread through its `void *` argument.
private final class ThreadBody: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}
