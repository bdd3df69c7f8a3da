import ICUKit

/// Cleans one line of text: invisible characters out, odd spaces plain, entities decoded, NFC (or NFKC).
///
/// Works on bytes with exact fast paths: an ASCII line without `&` or control bytes passes
/// untouched, and for NFC a line whose code points are all below U+0300 never reaches ICU
/// (nothing there composes or decomposes).
struct TextNormalizer {
    private let normalizer: Normalizer
    private let form: CleanerOptions.NormalizationForm
    /// UTF-16 scratch for ICU (one normalizer per engine, so per thread).
    private let scratch = UTF16Text()

    init(form: CleanerOptions.NormalizationForm) throws(HuskError) {
        do {
            normalizer = try Normalizer(form == .nfc ? .nfc : .nfkc)
        } catch {
            throw .icu(error.name)
        }
        self.form = form
    }

    func normalize(_ line: [UInt8]) -> String {
        String(decoding: normalizedBytes(line), as: UTF8.self)
    }

    /// The same as UTF-8 bytes: the markup reader works on bytes, so a clean ASCII line (most
    /// lines) passes through without being copied at all.
    func normalizedBytes(_ line: [UInt8]) -> [UInt8] {
        var needsWork = false
        var highestLead: UInt8 = 0
        line.withUnsafeBufferPointer { bytes in
            for b in bytes {
                if b < 0x20 || b == 0x26 || b == 0x7F { needsWork = true }
                if b > highestLead { highestLead = b }
            }
        }
        if !needsWork && highestLead < 0x80 { return line }
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        if highestLead < 0x80 {
            cleanASCII(line, into: &out)
        } else {
            cleanUnicode(line, into: &out)
        }
        if out.contains(0x26) { out = HTMLEntities.decode(out) }
        let composable = form == .nfkc ? out.contains { $0 >= 0x80 } : out.contains { $0 >= 0xCC }
        guard composable else { return out }
        return out.withUnsafeBufferPointer { normalizer.normalized($0, scratch: scratch) } ?? out
    }

    private func cleanASCII(_ line: [UInt8], into out: inout [UInt8]) {
        for b in line {
            if b == 0x09 {
                out.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
            } else if b >= 0x20 && b != 0x7F {
                out.append(b)
            } else if b == 0x0B || b == 0x0C {
                out.append(0x20)
            }
        }
    }

    /// Decodes scalars on the bytes (the decoder has made them valid UTF-8) and copies every
    /// scalar that stays as it is byte for byte, instead of re-encoding each one.
    private func cleanUnicode(_ line: [UInt8], into out: inout [UInt8]) {
        line.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                // Printable ASCII, most of any line, is copied without decoding.
                let c = b[i]
                if c >= 0x20 && c < 0x7F {
                    out.append(c)
                    i += 1
                    continue
                }
                guard let (v, length) = UTF8Bytes.scalar(in: b, at: i) else {
                    // A truncated sequence cannot come from the decoder; keep the bytes.
                    out.append(contentsOf: b[i...])
                    return
                }
                switch v {
                case 0x09:
                    out.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
                case 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x2028, 0x2029:
                    out.append(0x20)
                case 0x00...0x1F, 0x7F...0x9F:
                    break
                case 0xAD, 0x200B, 0x2060...0x2064, 0xFEFF, 0x180E:
                    break
                default:
                    // Byte by byte: appending a slice goes through the generic (slow) path.
                    for k in i..<(i + length) { out.append(b[k]) }
                }
                i += length
            }
        }
    }
}
