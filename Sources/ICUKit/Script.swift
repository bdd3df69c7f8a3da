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

    /// ICU's number for the script of a code point (-1 when ICU fails): cheap to count by,
    /// named once with `code(ofNumber:)`.
    public static func number(of scalar: Unicode.Scalar) -> Int {
        var status = U_ZERO_ERROR
        let script = husk_uscript_getScript(Int32(bitPattern: scalar.value), &status)
        return failed(status) ? -1 : Int(script)
    }

    /// The short ISO 15924 name of a script number from `number(of:)`.
    public static func code(ofNumber number: Int) -> String {
        guard number >= 0, let name = husk_uscript_getShortName(Int32(number)) else { return "Zzzz" }
        return String(cString: name)
    }
}
