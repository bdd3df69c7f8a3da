import XCTest
@testable import HuskIO

final class HTMLTextTests: XCTestCase {
    func render(_ html: String) -> String { String(decoding: HTMLText.render(Array(html.utf8)), as: UTF8.self) }

    func testBlocksBecomeParagraphsAndHiddenElementsVanish() {
        let html = "<html><head><title>T</title><script>x<y</script></head><body><h2>Head</h2><p>One\n two</p><!-- c --><ul><li>a</li><li>b</li></ul><STYLE>p{}</STYLE>end<br>line</body></html>"
        XCTAssertEqual(render(html), "T\n\n## Head\n\nOne two\n\n- a\n- b\n\nend\nline\n\n")
    }
}
