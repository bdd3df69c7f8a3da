/// Everything the library can fail with. The CLI maps these to messages and exit codes.
public enum HuskError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input looks like binary data, not text (offset of the sample that decided it).
    case binaryInput(offset: Int)
    /// A rules file is malformed; every problem with its `FILE:LINE:COL` position.
    case invalidRules([RuleDiagnostic])
    /// ICU could not be set up (missing data, unsupported locale).
    case icu(String)
    /// The bundled model or stoplist data is unreadable (a build problem).
    case invalidData(String)

    public var description: String {
        switch self {
        case .binaryInput(let offset):
            return "input looks binary (NUL or control bytes near byte \(offset)); refusing to clean it"
        case .invalidRules(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .icu(let name):
            return "ICU failed: \(name)"
        case .invalidData(let what):
            return "bundled data is invalid: \(what)"
        }
    }
}

/// One problem in a rules file, positioned like a compiler diagnostic.
public struct RuleDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
