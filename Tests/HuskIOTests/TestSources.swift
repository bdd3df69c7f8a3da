import Foundation
@testable import HuskIO

/// Bytes from memory, handed out in chunks of a fixed size to exercise buffer edges.
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0
    private let chunk: Int
    var rawBytesRead: Int { position }

    init(_ bytes: [UInt8], chunk: Int = 1 << 16) {
        self.bytes = bytes
        self.chunk = chunk
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        let n = min(buffer.count, chunk, bytes.count - position)
        for i in 0..<n { buffer[i] = bytes[position + i] }
        position += n
        return n
    }
}

/// Gzip through the system `gzip`, so the tests check against an independent encoder.
func gzipped(_ bytes: [UInt8]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -c"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    let writer = Thread {
        input.fileHandleForWriting.write(Data(bytes))
        try? input.fileHandleForWriting.close()
    }
    writer.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return [UInt8](data)
}

/// One WARC record's bytes.
func warcRecord(type: String, uri: String, content: String, length: Int? = nil) -> [UInt8] {
    let body = Array(content.utf8)
    let head = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n"
        + "WARC-Record-ID: <urn:uuid:\(uri)>\r\nContent-Length: \(length ?? body.count)\r\n\r\n"
    return Array(head.utf8) + body + Array("\r\n\r\n".utf8)
}
