import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Dispatch

/// A one-line progress display on stderr, redrawn a few times a second from the run summary.
final class ProgressDisplay: Sendable {
    private let summary: RunSummary
    private let totalBytes = Atomic<Int>(0)
    private let running = Atomic<Bool>(true)
    private let unit: String

    private let finished = DispatchSemaphore(value: 0)

    init(summary: RunSummary, unit: String) {
        self.summary = summary
        self.unit = unit
    }

    /// Sets the total input size once known, which turns on the ETA.
    func setTotal(_ bytes: Int) { totalBytes.store(bytes, ordering: .relaxed) }

    func start() {
        detachThread { [self] in
            while running.load(ordering: .relaxed) {
                draw()
                usleep(250_000)
            }
            finished.signal()
        }
    }

    func stop() {
        running.store(false, ordering: .relaxed)
        finished.wait()
        Messages.write("\r\u{1B}[K")
    }

    private func draw() {
        let s = summary.snapshot
        let bytes = s.bytesIn
        let seconds = summary.elapsed
        let rate = Double(bytes) / 1e6 / max(seconds, 1e-9)
        var line = "\(s.documents) \(unit) · " + RunSummary.megabytes(bytes) + " · " + decimal(rate, places: 1) + " MB/s"
        if s.failedCount > 0 { line += " · \(s.failedCount) failed" }
        let total = totalBytes.load(ordering: .relaxed)
        if total > 0 && bytes > 0 && rate > 0 {
            let left = Double(max(total - bytes, 0)) / 1e6 / rate
            line += " · \(min(100, bytes * 100 / total))% · ETA \(Int(left) / 60):" + zeroPadded(Int(left) % 60, width: 2)
        }
        Messages.write("\r\u{1B}[K" + line)
    }
}
