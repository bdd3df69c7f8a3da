import Foundation
import XCTest

/// Where the built `husk` binary and the repository are.
enum HuskBinary {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary next to the test bundle (SwiftPM builds it because the tests depend on it).
    static var binary: URL {
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
            ?? repo.appendingPathComponent(".build/debug")
        return products.appendingPathComponent("husk")
    }

}

/// Runs the built `husk` binary as a user would.
extension XCTestCase {
    struct HuskRun {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    func husk(_ arguments: [String], stdin: String? = nil, shell: String? = nil) throws -> HuskRun {
        let process = Process()
        if let shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shell.replacingOccurrences(of: "HUSK", with: HuskBinary.binary.path)]
        } else {
            process.executableURL = HuskBinary.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = HuskBinary.repo
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return HuskRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

}
