/// Decodes HTML character references that survived scraping (`&amp;`, `&nbsp;`, `&#8217;`, `&#x2014;`).
///
/// Only well-formed references are decoded (a name or number ended by `;`); anything else is left
/// as written, so prose like "AT&T" or "Q&A" is untouched.
enum HTMLEntities {
    /// The named references seen in scraped text; the full HTML table is mostly never used.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "sbquo": "\u{201A}",
        "bdquo": "\u{201E}", "laquo": "\u{AB}", "raquo": "\u{BB}", "lsaquo": "\u{2039}",
        "rsaquo": "\u{203A}", "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}",
        "middot": "\u{B7}", "bull": "\u{2022}", "deg": "\u{B0}", "euro": "\u{20AC}", "pound": "\u{A3}",
        "yen": "\u{A5}", "cent": "\u{A2}", "sect": "\u{A7}", "para": "\u{B6}", "times": "\u{D7}",
        "divide": "\u{F7}", "frac12": "\u{BD}", "frac14": "\u{BC}", "frac34": "\u{BE}", "shy": "",
        "ensp": " ", "emsp": " ", "thinsp": " ", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "aacute": "á", "agrave": "à",
        "acirc": "â", "auml": "ä", "atilde": "ã", "aring": "å", "ccedil": "ç", "iacute": "í",
        "igrave": "ì", "icirc": "î", "iuml": "ï", "oacute": "ó", "ograve": "ò", "ocirc": "ô",
        "ouml": "ö", "otilde": "õ", "oslash": "ø", "uacute": "ú", "ugrave": "ù", "ucirc": "û",
        "uuml": "ü", "ntilde": "ñ", "szlig": "ß", "aelig": "æ", "Eacute": "É", "Auml": "Ä",
        "Ouml": "Ö", "Uuml": "Ü", "Ntilde": "Ñ", "Ccedil": "Ç", "Oslash": "Ø", "Aring": "Å",
        "AElig": "Æ", "iexcl": "¡", "iquest": "¿", "prime": "\u{2032}", "Prime": "\u{2033}",
    ]

    static func decode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            guard b == 0x26, let (replacement, length) = reference(in: bytes, at: i) else {
                out.append(b)
                i += 1
                continue
            }
            out.append(contentsOf: replacement)
            i += length
        }
        return out
    }

    /// The decoded bytes of a reference starting at `start` (an `&`) and its length, if well-formed.
    private static func reference(in bytes: [UInt8], at start: Int) -> ([UInt8], Int)? {
        let limit = min(bytes.count, start + 12)
        var end = start + 1
        while end < limit && bytes[end] != 0x3B { end += 1 }
        guard end < limit, end > start + 1 else { return nil }
        let body = bytes[(start + 1)..<end]
        if body.first == 0x23 {  // '#'
            var digits = body.dropFirst()
            var radix: UInt32 = 10
            if let x = digits.first, x == 0x78 || x == 0x58 {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: Int(radix)),
                let scalar = Unicode.Scalar(value)
            else { return nil }
            switch value {
            case 0xA0, 0x2002, 0x2003, 0x2009: return ([0x20], end - start + 1)
            case 0xAD, 0x200B, 0xFEFF: return ([], end - start + 1)
            case 0..<0x20 where value != 0x09: return ([], end - start + 1)
            default: return (Array(scalar.utf8), end - start + 1)
            }
        }
        guard let text = named[String(decoding: body, as: UTF8.self)] else { return nil }
        return (Array(text.utf8), end - start + 1)
    }
}
