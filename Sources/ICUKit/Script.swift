@_implementationOnly import CICU

/// The Unicode script of a code point (ICU's `uscript_getScript`), as an ISO 15924 code.
public enum Script {
    /// Short ISO 15924 name such as `Latn`, `Cyrl`, `Hani`; `Zyyy` for common characters.
    public static func code(of scalar: Unicode.Scalar) -> String {
        var status = U_ZERO_ERROR
        let script = husk_uscript_getScript(Int32(bitPattern: scalar.value), &status)
        guard !failed(status), let name = husk_uscript_getShortName(script) else { return "Zzzz" }
        return String(cString: name)
    }
}
