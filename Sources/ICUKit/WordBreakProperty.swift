@_implementationOnly import CICU

/// ICU's Word_Break property of a code point (UAX #29), as ICU's `UWordBreakValues` number:
/// 0 Other, 1 ALetter, 2 Format, 3 Katakana, 4 MidLetter, 5 MidNum, 6 Numeric, 7 ExtendNumLet,
/// 8 CR, 9 Extend, 10 LF, 11 MidNumLet, 12 Newline, 13 Regional_Indicator, 14 Hebrew_Letter,
/// 15 Single_Quote, 16 Double_Quote, 17-20 emoji classes, 21 ZWJ, 22 WSegSpace.
public enum WordBreakProperty {
    public static func value(of scalar: UInt32) -> Int {
        Int(husk_u_wordBreak(Int32(bitPattern: scalar)))
    }
}
