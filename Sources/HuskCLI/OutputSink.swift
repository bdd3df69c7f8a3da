import HuskIO

/// Where cleaned output goes: standard output, or one file written atomically (`--output`).
enum OutputSink {
    case standardOutput(StandardOutput)
    case file(AtomicFile)

    init(path: String?) throws(IOError) {
        if let path, path != "-" {
            self = .file(try AtomicFile(path: path))
        } else {
            self = .standardOutput(StandardOutput())
        }
    }

    func write(_ text: String) throws(IOError) {
        try write(bytes: Array(text.utf8))
    }

    func write(bytes: [UInt8]) throws(IOError) {
        switch self {
        case .standardOutput(let out): out.write(bytes: bytes)
        case .file(let file): try file.write(bytes)
        }
    }

    /// Makes the output final: flushes stdout, or renames the file into place.
    func finish() throws(IOError) {
        switch self {
        case .standardOutput(let out): out.flush()
        case .file(let file): try file.commit()
        }
    }

    /// Abandons a file output, leaving any earlier file at that path untouched.
    func abandon() {
        switch self {
        case .standardOutput(let out): out.flush()
        case .file(let file): file.discard()
        }
    }
}
