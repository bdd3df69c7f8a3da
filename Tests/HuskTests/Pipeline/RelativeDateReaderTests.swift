@testable import Husk
import XCTest

final class RelativeDateReaderTests: XCTestCase {
    let reader = RelativeDateReader(table: EmbeddedRules.files["metadata/relative-dates.txt"] ?? "")

    func day(_ text: String, _ language: String? = "en", _ reference: String = "2024-03-10T12:00:00Z") -> String? {
        reader.day(in: text, language: language, reference: reference)
    }

    func testAgoFormsInEnglish() {
        XCTAssertEqual(day("Published 3 hours ago"), "2024-03-10")
        XCTAssertEqual(day("13 hours ago"), "2024-03-09")
        XCTAssertEqual(day("2 days ago"), "2024-03-08")
        XCTAssertEqual(day("a week ago"), "2024-03-03")
        XCTAssertEqual(day("yesterday"), "2024-03-09")
    }

    func testOtherLanguagesPutTheirWordsBeforeOrAfter() {
        XCTAssertEqual(day("vor 2 Tagen", "de"), "2024-03-08")
        XCTAssertEqual(day("il y a 5 jours", "fr"), "2024-03-05")
        XCTAssertEqual(day("hace una semana", "es"), "2024-03-03")
        XCTAssertEqual(day("3 giorni fa", "it"), "2024-03-07")
        XCTAssertEqual(day("2 dagen geleden", "nl"), "2024-03-08")
        XCTAssertEqual(day("gestern", "de"), "2024-03-09")
    }

    func testMonthsClampToTheLastDayAndLeapYearsCount() {
        XCTAssertEqual(day("1 month ago", "en", "2024-03-31"), "2024-02-29")
        XCTAssertEqual(day("1 year ago", "en", "2024-02-29"), "2023-02-28")
        XCTAssertEqual(day("3 hours ago", "en", "2024-03-01T02:00"), "2024-02-29")
    }

    func testWithoutTheMarkerWordANumberAndUnitAreNoDate() {
        XCTAssertNil(day("3 days of rain"))
        XCTAssertNil(day("2 hours"))
        XCTAssertNil(day("3 hours ago", "en", "not a date"))
    }

    func testTheCleanerReadsThemOnlyWithAReferenceDate() throws {
        let page = "# Council backs library plan\n\n2 days ago\n\nThe council met on Tuesday and agreed that the new library would open in the spring, after years of delay and a long public debate about its cost.\n"
        let cleaner = try Cleaner()
        XCTAssertNil(try cleaner.clean(page).metadata.date)
        XCTAssertEqual(try cleaner.clean(page, referenceDate: "2024-03-10").metadata.date, "2024-03-08")
    }
}
