import ICUKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The same as UTF-8 bytes.
    func normalizedBytes(_ line: [UInt8]) -> [UInt8] {
        line.withUnsafeBufferPointer { normalized($0) } ?? line
    }

    /// The normalized bytes of a line, or nil when it is already clean: the markup reader
    /// works on bytes, so a clean line (most lines) is read where it lies, never copied.
    func normalized(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let (ascii, special) = Self.scan(line)
        if !special && ascii { return nil }
        if !special && !Self.hasCharactersToClean(line) {
            // Only composition can change the line: ask ICU about the line where it lies.
            let composable = form == .nfkc || !Self.isNFCStable(line)
            return composable ? normalizer.normalized(line, scratch: scratch) : nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        if ascii {
            cleanASCII(line, into: &out)
        } else {
            cleanUnicode(line, into: &out)
        }
        if out.contains(0x26) { out = HTMLEntities.decode(out) }
        let composable = form == .nfkc ? out.contains { $0 >= 0x80 } : !out.withUnsafeBufferPointer { Self.isNFCStable($0) }
        if composable, let composed = out.withUnsafeBufferPointer({ normalizer.normalized($0, scratch: scratch) }) {
            return composed
        }
        let same = out.count == line.count && out.withUnsafeBufferPointer { copy in
            guard let a = copy.baseAddress, let b = line.baseAddress else { return true }
            return memcmp(a, b, line.count) == 0
        }
        return same ? nil : out
    }

    /// Whether a line is ASCII, and whether it holds a byte that cleaning acts on whatever
    /// the script (a control below 0x20, DEL, or `&` that may start an entity). Eight bytes
    /// at a time: `UTF8Bytes.matches` for DEL and `&`, and the same borrow test with 0x20…
    /// for "below 0x20".
    static func scan(_ line: UnsafeBufferPointer<UInt8>) -> (ascii: Bool, special: Bool) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var bits: UInt64 = 0
        var flagged: UInt64 = 0
        var i = 0
        let n = line.count
        while i &+ 8 <= n {
            let w = UTF8Bytes.word(line, at: i)
            bits |= w
            flagged |= (w &- ones &* 0x20) & ~w | UTF8Bytes.matches(w, 0x26) | UTF8Bytes.matches(w, 0x7F)
            i &+= 8
        }
        var tail: UInt8 = 0
        var tailSpecial = false
        while i < n {
            let b = line[i]
            tail |= b
            tailSpecial = tailSpecial || b < 0x20 || b == 0x26 || b == 0x7F
            i &+= 1
        }
        return (bits & highs == 0 && tail < 0x80, flagged & highs != 0 || tailSpecial)
    }

    /// Whether valid UTF-8 is NFC whatever surrounds it: every character is one that NFC keeps
    /// and that never combines (Latin below U+0300, Cyrillic, general punctuation, kana, CJK
    /// ideographs, Hangul syllables, full-width forms). A test checks each against ICU.
    static func isNFCStable(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0xCC {
                // ASCII, continuation bytes and U+0000-U+02FF.
                i += 1
                continue
            }
            guard let (v, length) = UTF8Bytes.scalar(in: b, at: i) else { return false }
            switch v {
            case 0x0400...0x0482, 0x048A...0x04FF, 0x2010...0x2027, 0x2030...0x205E, 0x3001...0x3029, 0x3030...0x3098,
                0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFFEE:
                i += length
            default:
                return false
            }
        }
        return true
    }

    /// Whether valid UTF-8 holds a character `cleanUnicode` removes or turns into a space (a C1
    /// control, no-break or other space, soft hyphen, zero-width character or BOM). Found by
    /// their lead bytes, so text with only letters and typographic punctuation passes quickly.
    static func hasCharactersToClean(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0xC2 {
                i += 1
                continue
            }
            guard i + 1 < n else { return false }
            let c1 = b[i + 1]
            switch c {
            case 0xC2:  // U+0080-009F, U+00A0, U+00AD
                if c1 <= 0xA0 || c1 == 0xAD { return true }
            case 0xE1:  // U+1680, U+180E
                if i + 2 < n && (c1 == 0x9A && b[i + 2] == 0x80 || c1 == 0xA0 && b[i + 2] == 0x8E) { return true }
            case 0xE2:  // U+2000-200B, U+2028-2029, U+202F, U+205F-2064
                if i + 2 < n {
                    let c2 = b[i + 2]
                    if c1 == 0x80 && (c2 <= 0x8B || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) { return true }
                    if c1 == 0x81 && c2 >= 0x9F && c2 <= 0xA4 { return true }
                }
            case 0xE3:  // U+3000
                if i + 2 < n && c1 == 0x80 && b[i + 2] == 0x80 { return true }
            case 0xEF:  // U+FEFF
                if i + 2 < n && c1 == 0xBB && b[i + 2] == 0xBF { return true }
            default:
                break
            }
            i += 2
        }
        return false
    }

    private func cleanASCII(_ line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
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
    func cleanUnicode(_ line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        do {
            let b = line
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
