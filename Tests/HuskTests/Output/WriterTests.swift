import Husk
import XCTest

final class WriterTests: XCTestCase {
    let document = CleanedDocument(
        metadata: Metadata(title: "A \"quoted\" title", authors: ["Ann Lee", "Bo Chen"], date: "2024-03-03", language: "en"),
        paragraphs: [Paragraph(text: "Heading", kind: .heading, level: 2), Paragraph(text: "Line\twith tab"),
                     Paragraph(text: "item", kind: .listItem)])

    func testTextFormatHasHeadersABlankLineAndParagraphs() {
        XCTAssertEqual(TextWriter().render(document), """
            Title: A "quoted" title
            Author: Ann Lee; Bo Chen
            Date: 2024-03-03
            Language: en

            Heading

            Line\twith tab

            item

            """)
    }

    func testJSONIsOneEscapedObjectPerLine() throws {
        let line = JSONWriter().render(document)
        XCTAssertEqual(line.filter { $0 == "\n" }.count, 1)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(object["title"] as? String, "A \"quoted\" title")
        XCTAssertEqual(object["author"] as? String, "Ann Lee; Bo Chen")
        XCTAssertEqual(object["authors"] as? [String], ["Ann Lee", "Bo Chen"])
        XCTAssertEqual(object["text"] as? String, "Heading\n\nLine\twith tab\n\nitem")
        XCTAssertEqual((object["paragraphs"] as? [String])?.count, 3)
        XCTAssertTrue(object["sitename"] is NSNull)
    }

    func testMarkdownKeepsStructureUnderFrontMatter() {
        let out = MarkdownWriter().render(document)
        XCTAssertTrue(out.hasPrefix("---\ntitle: \"A \\\"quoted\\\" title\"\n"))
        XCTAssertTrue(out.contains("\n## Heading\n"))
        XCTAssertTrue(out.contains("\n- item\n"))
    }
}
