@_implementationOnly import CICU

/// ICU's Sentence_Break property of a code point (UAX #29), as ICU's `USentenceBreak` number:
/// 0 Other, 1 ATerm, 2 Close, 3 Format, 4 Lower, 5 Numeric, 6 OLetter, 7 Sep, 8 Sp, 9 STerm,
/// 10 Upper, 11 CR, 12 Extend, 13 LF, 14 SContinue.
public enum SentenceBreakProperty {
    public static func value(of scalar: UInt32) -> Int {
        Int(husk_u_sentenceBreak(Int32(bitPattern: scalar)))
    }
}
