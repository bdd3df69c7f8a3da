import Husk
import HuskIO

/// Turns one input unit (a text file, a JSON line, a WARC record) into output bytes.
///
/// Shared by the tree and stream runners so a document comes out the same whichever way it went in.
struct DocumentProcessor: Sendable {
    let cleaner: Cleaner
    let format: OutputFormat
    let textKey: String

    /// What became of one unit.
    enum Outcome {
        /// `site` and `fingerprints` feed `RepeatedLines.observe` once the batch is done.
        case cleaned(output: [UInt8], statistics: CleaningStatistics, site: String, fingerprints: [UInt64])
        case failed(IOError)
        /// A record that is not a document (WARC `request`, `warcinfo`...), by type.
        case passedOver(String)
    }

    /// A whole text file in the chosen format.
    func cleanText(
        _ source: ByteSource, path: String, context: DocumentContext = DocumentContext()
    ) throws(IOError) -> (output: [UInt8], document: CleanedDocument) {
        let stream: CleaningStream
        do {
            stream = try cleaner.makeStream(context: context)
        } catch {
            throw IOError(path: path, message: error.description)
        }
        let document = try Self.drain(source, into: stream, path: path)
        return (Array(format.writer.render(document).utf8), document)
    }

    /// Feeds all of `source` into `stream` and finishes it. `afterChunk` runs after each chunk
    /// (to write paragraphs as soon as they are ready); errors carry the byte offset.
    static func drain(
        _ source: ByteSource, into stream: CleaningStream, path: String,
        afterChunk: () throws(IOError) -> Void = {}
    ) throws(IOError) -> CleanedDocument {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        while true {
            let n = try source.read(into: &buffer)
            if n == 0 { break }
            var failure: HuskError? = nil
            buffer.withUnsafeBufferPointer { all in
                do throws(HuskError) {
                    try stream.feed(UnsafeBufferPointer(rebasing: all[0..<n]))
                } catch {
                    failure = error
                }
            }
            if let failure { throw positioned(failure, path: path, offset: offset) }
            offset += n
            try afterChunk()
        }
        do {
            return try stream.finish()
        } catch {
            throw positioned(error, path: path, offset: offset)
        }
    }

    /// One JSONL line: the text field replaced by the cleaned text, the metadata added under `husk`.
    func cleanJSONLine(_ line: [UInt8], path: String, lineNumber: Int, memory: RepeatedLines? = nil) -> Outcome {
        let position = "line \(lineNumber)"
        let object: JSONObjectLine
        let text: String
        do throws(JSONLineError) {
            object = try JSONObjectLine(line)
            guard let t = try object.string(textKey) else {
                return .failed(IOError(path: path, position: position, message: "no \"\(textKey)\" string in this record"))
            }
            text = t
        } catch {
            return .failed(IOError(path: path, position: position, message: "invalid JSON: \(error.description)"))
        }
        let url = try? object.string("url")
        // The record's own crawl or publication time, for relative dates.
        let reference = ["warc_date", "crawl_date", "fetch_time", "timestamp", "date"].lazy
            .compactMap { (try? object.string($0)) ?? nil }.first { CleaningOptions.isISODate($0) }
        let site = url.map { DocumentContext.site(ofURL: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? path
        switch clean(text, url: url, context: DocumentContext(referenceDate: reference, site: site, repeatedLines: memory), path: path, position: position) {
        case .success(let document):
            var json = object.rewritten([
                (textKey, JSONWriter.string(document.text)),
                ("husk", JSONWriter().metadataObject(document.metadata)),
            ])
            json.append(0x0A)
            return .cleaned(output: json, statistics: document.statistics, site: site, fingerprints: document.fingerprints)
        case .failure(let error):
            return .failed(error)
        }
    }

    /// One WARC record as a JSONL line: id, url, WARC date, cleaned text and metadata.
    func cleanWARCRecord(_ record: WARCRecord, path: String, memory: RepeatedLines? = nil) -> Outcome {
        guard record.type == "conversion" || record.type == "response" else {
            return .passedOver(record.type.isEmpty ? "untyped" : record.type)
        }
        if let problem = record.responseProblem { return .passedOver(problem) }
        let bytes = record.isHTML ? HTMLText.render(record.content) : record.content
        let text = String(decoding: bytes, as: UTF8.self)
        let reference = record.date.flatMap { CleaningOptions.isISODate($0) ? $0 : nil }
        let site = record.targetURI.map { DocumentContext.site(ofURL: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? path
        let context = DocumentContext(referenceDate: reference, site: site, repeatedLines: memory)
        switch clean(text, url: record.targetURI, context: context, path: path, position: "byte \(record.offset)") {
        case .success(let document):
            var line = "{\"id\":" + (record.recordID.map(JSONWriter.string) ?? "null")
            line += ",\"url\":" + (record.targetURI.map(JSONWriter.string) ?? "null")
            line += ",\"warc_date\":" + (record.date.map(JSONWriter.string) ?? "null")
            line += ",\"text\":" + JSONWriter.string(document.text)
            line += ",\"husk\":" + JSONWriter().metadataObject(document.metadata) + "}\n"
            return .cleaned(output: Array(line.utf8), statistics: document.statistics, site: site, fingerprints: document.fingerprints)
        case .failure(let error):
            return .failed(error)
        }
    }

    private func clean(
        _ text: String, url: String?, context: DocumentContext, path: String, position: String
    ) -> Result<CleanedDocument, IOError> {
        do throws(HuskError) {
            var document = try cleaner.clean(text, context: context)
            if let url, !url.isEmpty { document.metadata.url = url }
            return .success(document)
        } catch {
            return .failure(IOError(path: path, position: position, message: error.description))
        }
    }

    static func positioned(_ error: HuskError, path: String, offset: Int) -> IOError {
        if case .binaryInput(let at) = error {
            return IOError(path: path, position: "byte \(at)", message: error.description, isSkippable: true)
        }
        return IOError(path: path, position: "byte \(offset)", message: error.description)
    }
}
