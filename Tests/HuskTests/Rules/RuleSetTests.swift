@testable import Husk
import XCTest

final class RuleSetTests: XCTestCase {
    func testEmbeddedDefaultRulesAreValidAndTheirExamplesHold() throws {
        let rules = try RuleSet.defaults()
        XCTAssertGreaterThan(rules.rules.count, 20)
        XCTAssertTrue(rules.rules.allSatisfy { !$0.examples.isEmpty && !$0.counterExamples.isEmpty },
                      "every default rule has examples that must and must not match")
    }

    private func diagnostics(_ text: String) -> [RuleDiagnostic] {
        do {
            _ = try RuleSet(files: [("my.rules", text)])
            return []
        } catch {
            if case .invalidRules(let list) = error { return list }
            return []
        }
    }

    func testUnknownActionIsReportedWithLineAndColumn() {
        let problems = diagnostics("[drop-x]\ncategory = nav\naction = vaporize\npattern = ^x$\n")
        XCTAssertEqual(problems.first?.description, "my.rules:3:10: unknown action 'vaporize' (use drop, drop-rest, drop-before, protect, hint or extract:FIELD)")
    }

    func testInvalidPatternPointsIntoThePattern() {
        let problems = diagnostics("[drop-x]\ncategory = nav\npattern = ^abc(def$\n")
        XCTAssertEqual(problems.first?.line, 3)
        XCTAssertGreaterThanOrEqual(problems.first?.column ?? 0, 11)
        XCTAssertTrue(problems.first?.message.contains("invalid pattern") ?? false)
    }

    func testDuplicateIdsAreRejected() {
        let text = "[drop-x]\ncategory = nav\npattern = a\n[drop-x]\ncategory = nav\npattern = b\n"
        XCTAssertTrue(diagnostics(text).contains { $0.message.contains("duplicate rule id") && $0.line == 4 })
    }

    func testExamplesAreChecked() {
        let text = "[drop-x]\ncategory = nav\npattern = ^menu$\nmatch = Main menu\nno-match = menu\n"
        let problems = diagnostics(text)
        XCTAssertEqual(problems.count, 2)
        XCTAssertTrue(problems[0].message.contains("does not match its example"))
    }

    func testSyntaxErrorsAreAllReported() {
        let text = "category = nav\n[Bad Id]\npattern = x\nthis is not a key\n"
        XCTAssertGreaterThanOrEqual(diagnostics(text).count, 3)
    }

    func testKeywordPrefilterSkipsRulesWhoseKeywordsAreAbsent() throws {
        let set = try RuleSet(files: [("t.rules", "[drop-share]\ncategory = share\nkeywords = share\npattern = ^share$\nmatch = Share\nno-match = x\n")])
        let matcher = RuleMatcher(rules: set, maxLineCharacters: 400)
        XCTAssertEqual(matcher.hits("Share", characters: 5, language: "en").count, 1)
        XCTAssertEqual(matcher.hits("Tweet", characters: 5, language: "en").count, 0)
    }

    func testLanguageTaggedRulesApplyOnlyToTheirLanguage() throws {
        let set = try RuleSet(files: [("t.rules", "[drop-teilen-de]\ncategory = share\nlang = de\nkeywords = teilen\npattern = ^teilen$\n")])
        let matcher = RuleMatcher(rules: set, maxLineCharacters: 400)
        XCTAssertEqual(matcher.hits("Teilen", characters: 6, language: "de").count, 1)
        XCTAssertEqual(matcher.hits("Teilen", characters: 6, language: "en").count, 0)
    }

    func testKeywordAutomatonFindsOverlappingKeywords() {
        let automaton = KeywordAutomaton(keywords: [["he", "she"], ["hers"], ["xyz"]])
        var found = Set<Int>()
        automaton.scan(Array("ushers".utf8)) { found.insert($0) }
        XCTAssertEqual(found, [0, 1])
    }
}
