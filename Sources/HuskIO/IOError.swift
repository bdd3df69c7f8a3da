/// A problem reading or writing one input or output, with where it happened.
///
/// The CLI prints `description` as one line; `offset` is a byte offset into the (decompressed)
/// input, or a line number for JSONL, as `position` says.
public struct IOError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// `byte 123`, `line 7`, `record 3`: where in the input, when known.
    public var position: String?
    public var message: String
    /// True for inputs a tree run passes over rather than fails on (binary files, sockets).
    public var isSkippable: Bool

    public init(path: String, position: String? = nil, message: String, isSkippable: Bool = false) {
        self.path = path
        self.position = position
        self.message = message
        self.isSkippable = isSkippable
    }

    public var description: String {
        let name = path == "-" ? "<stdin>" : path
        if let position { return "\(name): \(position): \(message)" }
        return "\(name): \(message)"
    }

    /// The text of the current `errno`.
    static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
