@testable import Husk
import XCTest

final class DateFinderTests: XCTestCase {
    func testLinesWithoutFourDigitsInARowOrAnEraYearAreNotSearched() throws {
        for text in ["Price: $25, 3 min read", "Chapter 12 of 300", "9:30 a.m.", "no digits at all"] {
            XCTAssertFalse(DateFinder.mayHoldDate(text), text)
        }
        for text in ["March 5, 2024", "12.03.2024", "令和元年5月1日", "١٢ مارس ٢٠٢٤", "x2024"] {
            XCTAssertTrue(DateFinder.mayHoldDate(text), text)
        }
        XCTAssertEqual(try DateFinder().firstDate(in: "令和元年5月1日", language: "ja"), "2019-05-01")
    }

    func testEnglishForms() throws {
        let finder = try DateFinder()
        XCTAssertEqual(finder.firstDate(in: "Published March 3, 2024, 6:15 a.m. ET", language: "en"), "2024-03-03")
        XCTAssertEqual(finder.firstDate(in: "Global Research, March 30, 2016", language: "en"), "2016-03-30")
        XCTAssertEqual(finder.firstDate(in: "Tuesday 5th March 2024", language: "en"), "2024-03-05")
        XCTAssertEqual(finder.firstDate(in: "Posted on 2024-03-12T10:00:00Z", language: "en"), "2024-03-12")
    }

    func testTheSearchStartsNearTheFirstDigitAndStillFindsLongLeads() throws {
        let finder = try DateFinder()
        let prose = String(repeating: "a long lead of words without numbers ", count: 4)
        XCTAssertEqual(finder.firstDate(in: prose + "Wednesday, September 24, 2018", language: "en"), "2018-09-24")
        XCTAssertEqual(finder.firstDate(in: prose + "١٢ مارس ٢٠٢٤", language: "ar"), "2024-03-12", "digits of other scripts count")
        XCTAssertNil(finder.firstDate(in: prose + "and no date at all", language: "en"))
        let bytes = Array("Zeit: ٣ Uhr".utf8)
        XCTAssertEqual(DateFinder.firstDigit(bytes, from: 0), 6)
        XCTAssertEqual(DateFinder.scalarsBack(bytes, from: 6, count: 2, floor: 0), 4)
        XCTAssertEqual(DateFinder.scalarsBack(bytes, from: 6, count: 50, floor: 1), 1)
    }

    func testYearGluedToTheTimeIsSeparated() throws {
        let finder = try DateFinder()
        XCTAssertEqual(finder.firstDate(in: "Published Tue, Nov 19 20197:05 AM EST", language: "en"), "2019-11-19")
        XCTAssertEqual(finder.firstDate(in: "Nov 15, 201910:45 AM", language: "en"), "2019-11-15")
    }

    func testYearGluedToTheNextWordIsSeparated() throws {
        let finder = try DateFinder()
        XCTAssertEqual(finder.firstDate(in: "by Nora Ellison June 9, 2025June 12, 2025", language: "en"), "2025-06-09")
        XCTAssertEqual(finder.firstDate(in: "Dec 17, 2025Julian K. Arni", language: "en"), "2025-12-17")
    }

    func testLocalMonthNamesInEnglishOrderAreRead() throws {
        let finder = try DateFinder()
        XCTAssertEqual(finder.firstDate(in: "Posted on Maret 30, 2015 by Admin", language: "id"), "2015-03-30")
        XCTAssertEqual(finder.firstDate(in: "Publié le mars 3, 2024", language: "fr"), "2024-03-03")
    }

    func testImpossibleDatesAreRejected() throws {
        let finder = try DateFinder()
        XCTAssertNil(finder.firstDate(in: "February 30, 2024", language: "en"))
        XCTAssertNil(finder.firstDate(in: "2024-13-01", language: "en"))
    }

    func testLocalizedAndCJKForms() throws {
        let finder = try DateFinder()
        XCTAssertEqual(finder.firstDate(in: "12. März 2024", language: "de"), "2024-03-12")
        XCTAssertEqual(finder.firstDate(in: "2024年3月12日", language: "zh"), "2024-03-12")
        XCTAssertEqual(finder.firstDate(in: "12 марта 2024 г.", language: "ru"), "2024-03-12")
    }

    func testDayFirstOutsideEnglishAndOtherCalendars() throws {
        let finder = try DateFinder()
        XCTAssertEqual(finder.firstDate(in: "Publicado em 03/05/2024", language: "pt"), "2024-05-03")
        XCTAssertEqual(finder.firstDate(in: "วันอังคารที่ 10 ตุลาคม 2566", language: "th"), "2023-10-10")
        XCTAssertEqual(finder.firstDate(in: "21 Νοεμβρίου 2023", language: "el"), "2023-11-21")
        XCTAssertEqual(finder.firstDate(in: "2024. április 9.", language: "hu"), "2024-04-09")
    }

    func testNoDateMeansNil() throws {
        XCTAssertNil(try DateFinder().firstDate(in: "No date appears in this sentence at all.", language: "en"))
    }

    func testDayMonthAndYearJoinedByHyphens() throws {
        let finder = try DateFinder()
        XCTAssertEqual(finder.firstDate(in: "By Priya Raman | Updated on 19-Dec-2025", language: "en"), "2025-12-19")
        XCTAssertEqual(finder.firstDate(in: "03-März-2024", language: "de"), "2024-03-03")
        XCTAssertNil(finder.firstDate(in: "Gate 19-Door-2025", language: "en"), "no month between the numbers")
        XCTAssertEqual(finder.firstDate(in: "2024-03-12", language: "en"), "2024-03-12")
    }
}
