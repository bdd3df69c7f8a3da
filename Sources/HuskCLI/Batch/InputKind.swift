import ArgumentParser

/// What the inputs hold: one document per file, one per JSON line, or WARC records.
enum InputKind: String, ExpressibleByArgument, CaseIterable {
    case text
    case jsonl
    case warc

    /// Streams of many documents always write JSON Lines.
    var isStream: Bool { self != .text }
}
