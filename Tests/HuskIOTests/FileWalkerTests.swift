import XCTest
@testable import HuskIO

final class FileWalkerTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("husk-walk-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        for name in ["x.txt", "a/y.md", "a/y.txt", "a/b/z.txt.gz", "a/skip.log"] {
            try Data("t".utf8).write(to: root.appendingPathComponent(name))
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/b/up").path, withDestinationPath: "..")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func walk(_ walker: FileWalker) -> (files: [String], problems: [String]) {
        var files: [String] = []
        var problems: [String] = []
        while let item = walker.next() {
            switch item {
            case .file(_, let output, _, _): files.append(output)
            case .skipped(let e): problems.append(e.path)
            }
        }
        return (files, problems)
    }

    func testMirrorsRelativePathsWithTheNewExtensionInSortedOrder() {
        let (files, problems) = walk(FileWalker(roots: [root.path], outputExtension: "json", exclude: ["*.log"]))
        XCTAssertEqual(files, ["a/b/z.json", "a/y.json", "a/y.txt.json", "x.json"])
        XCTAssertEqual(problems, [root.appendingPathComponent("a/b/up").path])
    }

    func testGlobsSelectFilesByNameOrPath() {
        XCTAssertEqual(walk(FileWalker(roots: [root.path], outputExtension: "txt", include: ["*.md"])).files, ["a/y.txt"])
        XCTAssertEqual(walk(FileWalker(roots: [root.path], outputExtension: "txt", include: ["a/b/*"])).files, ["a/b/z.txt"])
    }

    func testOutputNames() {
        XCTAssertEqual(FileWalker.outputName("page.txt.gz", extension: "json"), "page.json")
        XCTAssertEqual(FileWalker.outputName("README", extension: "md"), "README.md")
        XCTAssertEqual(FileWalker.outputName(".profile", extension: "txt"), ".profile.txt")
    }

    func testAvoidedDirectoryIsNotEntered() {
        let files = walk(FileWalker(roots: [root.path], outputExtension: "txt", avoid: [root.appendingPathComponent("a").path])).files
        XCTAssertEqual(files, ["x.txt"])
    }
}
