extension Unicode.Scalar {
    /// True for scalars in blocks with no case at all (Hebrew to Myanmar, CJK, kana, Hangul):
    /// their uppercase property is false and lowercasing leaves them as they are, so the
    /// costly Unicode property lookups can be skipped. Exact, not a heuristic: the ranges hold
    /// no cased letter.
    @inline(__always)
    var isCaseless: Bool {
        let v = value
        return (v >= 0x0590 && v <= 0x109F) || (v >= 0x3000 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7AF)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x3FFFF)
    }
}
