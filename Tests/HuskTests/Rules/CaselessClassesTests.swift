@testable import Husk
import ICUKit
import XCTest

final class CaselessClassesTests: XCTestCase {
    func testLetterAndMarkClassesWithCaselessLiteralsAreCompiledCaseSensitively() {
        XCTAssertEqual(CaselessClasses.rewrite(#"^by\s+[\p{L}\p{M}'’.\-]{2,80}$"#), #"^by\s+(?-i:[\p{L}\p{M}'’.\-]){2,80}$"#)
        XCTAssertEqual(CaselessClasses.rewrite(#"^\p{L}+ said"#), #"^(?-i:\p{L})+ said"#)
        XCTAssertEqual(CaselessClasses.rewrite(#"[\p{Han}\s0-9]"#), #"(?-i:[\p{Han}\s0-9])"#)
        XCTAssertEqual(CaselessClasses.rewrite(#"[\p{L}[\p{M}]]"#), #"(?-i:[\p{L}[\p{M}]])"#)
        XCTAssertEqual(CaselessClasses.rewrite(#"^[[\w--[0-9_]]'’\-]+ wrote"#), #"^(?-i:[[\w--[0-9_]]'’\-])+ wrote"#)
        XCTAssertEqual(CaselessClasses.rewrite(#"x[\p{Alphabetic}’—]"#), #"x(?-i:[\p{Alphabetic}’—])"#)
    }

    func testClassesThatNeedTheirCaseClosureAreLeftAlone() {
        for pattern in [
            #"[a-z\p{L}]"#,  // a cased literal
            #"[^\p{L}]"#,  // negated
            #"\p{Lu}\p{Ll}+"#,  // cased properties mean any letter when case is ignored
            #"[\p{L}ß]"#,  // a literal with case outside ASCII
            #"[\x{41}\p{L}]"#,  // a code point escape could be a letter
            #"[\p{L}[a-z]]"#,  // a nested class with case
            #"[\w--[^0-9]]"#,  // a negated nested class
            #"[\p{L}É]"#,  // a literal with case outside ASCII
            #"\Q[\p{L}]\E"#,  // quoted text
            #"\\p{L}"#,  // an escaped backslash, then letters
            #"[.,;]"#,  // no property: nothing to gain
        ] {
            XCTAssertEqual(CaselessClasses.rewrite(pattern), pattern, pattern)
        }
    }

    /// The rewrite must not change what any default rule matches: each case-insensitive pattern
    /// is compared with its rewritten form on the rule's examples in three casings.
    func testDefaultRulesMatchTheSameTextAfterTheRewrite() throws {
        var compared = 0
        for rule in try RuleSet.defaults().rules where !rule.caseSensitive {
            for pattern in rule.patterns {
                let rewritten = CaselessClasses.rewrite(pattern)
                guard rewritten != pattern else { continue }
                let original = try ICURegex(pattern, options: .caseInsensitive)
                let faster = try ICURegex(rewritten, options: .caseInsensitive)
                for example in rule.examples + rule.counterExamples {
                    for text in [example, example.uppercased(), example.lowercased()] {
                        let bytes = Array(text.utf8)
                        let a = bytes.withUnsafeBufferPointer { original.firstMatch(in: $0) }
                        let b = bytes.withUnsafeBufferPointer { faster.firstMatch(in: $0) }
                        XCTAssertEqual(a, b, "\(rule.id): \(text)")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 100, "the default rules use caseless classes")
    }
}
