#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fixed-point text of a number, as C's `%.Nf` writes it.
///
/// `String(format:)` lives in Foundation proper, which the CLI does not load (it costs every
/// short `husk` run milliseconds of start-up); the C library's formatter gives the same digits.
func decimal(_ value: Double, places: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    let written = withVaList([Int32(places), value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
    if written >= buffer.count {
        buffer = [CChar](repeating: 0, count: Int(written) + 1)
        _ = withVaList([Int32(places), value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
    }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// `value` in decimal, padded with zeros to at least `width` digits (C's `%0Nd`).
func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
