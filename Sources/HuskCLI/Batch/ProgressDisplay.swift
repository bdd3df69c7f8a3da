import Foundation
import Synchronization

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
        let thread = Thread { [self] in
            while running.load(ordering: .relaxed) {
                draw()
                Thread.sleep(forTimeInterval: 0.25)
            }
            finished.signal()
        }
        thread.start()
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
        var line = "\(s.documents) \(unit) · " + RunSummary.megabytes(bytes) + String(format: " · %.1f MB/s", rate)
        if s.failedCount > 0 { line += " · \(s.failedCount) failed" }
        let total = totalBytes.load(ordering: .relaxed)
        if total > 0 && bytes > 0 && rate > 0 {
            let left = Double(max(total - bytes, 0)) / 1e6 / rate
            line += String(format: " · %d%% · ETA %d:%02d", min(100, bytes * 100 / total), Int(left) / 60, Int(left) % 60)
        }
        Messages.write("\r\u{1B}[K" + line)
    }
}
