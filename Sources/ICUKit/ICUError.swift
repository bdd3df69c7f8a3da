@_implementationOnly import CICU

/// An ICU call failed; carries ICU's own error name (for example `U_REGEX_RULE_SYNTAX`).
///
/// Callers turn it into their own typed errors; ICUKit never prints.
public struct ICUError: Error, Equatable, Sendable, CustomStringConvertible {
    public let name: String
    /// Offset (in UTF-16 units) into a pattern, for pattern syntax errors; -1 when unknown.
    public let offset: Int

    init(_ code: UErrorCode, offset: Int = -1) {
        self.name = String(cString: husk_u_errorName(code))
        self.offset = offset
    }

    public var description: String { name }
}

@inline(__always)
func failed(_ code: UErrorCode) -> Bool { code.rawValue > U_ZERO_ERROR.rawValue }
