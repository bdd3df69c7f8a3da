import Synchronization

/// Reports each rule stopped by ICU's regex limits once per run, whichever thread meets it.
enum StoppedRules {
    private static let reported = Mutex<Set<String>>([])

    static func report(_ ids: [String]) {
        guard !ids.isEmpty else { return }
        let fresh = reported.withLock { seen in
            ids.filter { seen.insert($0).inserted }
        }
        for id in fresh {
            Messages.warning("rule \(id): its pattern hit ICU's time or stack limit (catastrophic backtracking?); it counted as no match there, and cleaning went on")
        }
    }
}
