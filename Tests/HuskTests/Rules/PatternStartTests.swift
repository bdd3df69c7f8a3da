@testable import Husk
import ICUKit
import XCTest

final class PatternStartTests: XCTestCase {
    private func admits(_ pattern: String, _ text: String) -> Bool {
        PatternStart.of(pattern).admits(firstByte: text.utf8.first ?? 0)
    }

    func testAnchoredLiteralAlternativesAdmitOnlyTheirFirstLetters() {
        let pattern = "^(?:sign up|join|get)\\b"
        XCTAssertTrue(admits(pattern, "Sign up now"))
        XCTAssertTrue(admits(pattern, "join us"))
        XCTAssertTrue(admits(pattern, "Get it"))
        XCTAssertFalse(admits(pattern, "The rest"))
        XCTAssertFalse(admits(pattern, "2024"))
    }

    func testOptionalItemsAddTheStartsOfWhatFollows() {
        XCTAssertTrue(admits("^\\s*(?:by|from)\\s+", " by Jane"))
        XCTAssertTrue(admits("^a?b", "b"))
        XCTAssertFalse(admits("^a?b", "c"))
        XCTAssertTrue(admits("^(?=x)y|^z", "z"))
        XCTAssertFalse(admits("^(?:(?:mon|tue)\\w*,?\\s+)?\\d{1,2}\\s", "Saturday"))
        XCTAssertTrue(admits("^(?:(?:mon|tue)\\w*,?\\s+)?\\d{1,2}\\s", "12 May"))
    }

    func testClassesDigitsAndLetterPropertiesAreFollowed() {
        XCTAssertTrue(admits("^[«‹<]\\s*back", "« Back"))
        XCTAssertFalse(admits("^[«‹<]\\s*back", "Back"))
        XCTAssertTrue(admits("^[a-c0-2]x", "B"))
        XCTAssertFalse(admits("^[a-c0-2]x", "d"))
        XCTAssertFalse(admits("^\\d{4}-\\d{2}", "May"))
        XCTAssertTrue(admits("^\\p{Lu}\\p{L}+", "Émile"))
        XCTAssertFalse(admits("^\\p{Lu}\\p{L}+", "(c)"))
    }

    func testWhatIsNotFollowedAdmitsEveryStart() {
        for pattern in ["(?:^|\\|)\\s*share", "^a*", "^.x", "^[^a]b", "^\\w+", "^(?x) a b", "^\\p{Sc}\\d", "^(?>ab)"] {
            XCTAssertTrue(PatternStart.of(pattern).isAny, pattern)
        }
    }

    /// Case folding maps some non-ASCII letters onto ASCII ones, so letter starts admit them.
    func testLetterStartsAdmitNonASCIIFirstCharacters() {
        XCTAssertTrue(admits("^k", "\u{212A}elvin"))
        XCTAssertTrue(admits("^ß", "SS"))
    }

    /// Characters without case are named one by one, so CJK rules skip other CJK blocks.
    func testUncasedFirstCharactersAreNamedExactly() {
        let start = PatternStart.of("^(?:関連記事|この記事|相关阅读)")
        for (text, expected) in [("関連記事を見る", true), ("この記事", true), ("相关阅读", true), ("東京で", false), ("Related", false)] {
            XCTAssertEqual(Array(text.utf8).withUnsafeBufferPointer { start.admits($0) }, expected, text)
        }
        // A cased first letter (Cyrillic) admits any non-ASCII start: its other case matches too.
        XCTAssertTrue(Array("Читать".utf8).withUnsafeBufferPointer { PatternStart.of("^читать").admits($0) })
    }

    /// The characters an ASCII letter admits beyond ASCII are exactly those whose full case
    /// folding (ICU's, which case-insensitive regexes use) starts with an ASCII letter.
    func testFoldingListIsICUs() {
        var derived: [UInt32] = []
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), let first = CaseFolding.fold(String(scalar)).unicodeScalars.first else { continue }
            if first.isASCII && first.properties.isAlphabetic { derived.append(value) }
        }
        XCTAssertEqual(derived, PatternStart.foldingOntoASCIILetters)
        XCTAssertTrue(Array("ﬁnal".utf8).withUnsafeBufferPointer { PatternStart.of("^final").admits($0) })
        XCTAssertFalse(Array("東京".utf8).withUnsafeBufferPointer { PatternStart.of("^final").admits($0) })
    }

    /// No default rule may lose a match to the filter: every pattern that matches one of its
    /// rule's examples admits that example's first character.
    func testEveryDefaultRuleExampleStillReachesItsPattern() throws {
        let rules = try RuleSet.defaults(checkExamples: true).rules
        var checked = 0
        for rule in rules {
            for (regex, start) in rule.compiledPatternsWithStarts() {
                for example in rule.examples {
                    let bytes = Array(example.utf8)
                    let matched = bytes.withUnsafeBufferPointer { regex.firstMatch(in: $0) }
                    guard case .match = matched else { continue }
                    checked += 1
                    XCTAssertTrue(bytes.withUnsafeBufferPointer { start.admits($0) }, "\(rule.id): \(example)")
                }
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }
}
