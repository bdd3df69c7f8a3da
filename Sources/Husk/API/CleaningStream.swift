/// Cleans one document fed in chunks, with memory bounded by its window, not the input size.
///
/// Lines collect into a window that closes at the first blank line after
/// `CleanerOptions.windowBytes` or `windowLines` (or anywhere at the hard limits); each closed window is
/// cleaned whole and its paragraphs become available from `takeParagraphs()`. Metadata comes
/// from the first window, which holds the top of the page. Window edges depend only on the
/// bytes, so output is the same however the input is chunked.
public final class CleaningStream {
    private let cleaner: Cleaner
    private var engine: Engine?
    private var decoder: InputDecoder
    // The per-line state is read and written for every input line, only by this class's own
    // non-reentrant methods: run-time exclusivity checks there cost more than the bookkeeping.
    @exclusivity(unchecked) private var window: [Line] = []
    /// Windows closed before the binary check had its sample; cleaned once it passes.
    private var closed: [[Line]] = []
    @exclusivity(unchecked) private var windowBytes = 0
    @exclusivity(unchecked) private var lineNumber = 0
    /// Whether the binary check has seen its whole sample: until then closed windows wait.
    private var sampleChecked = false
    private var windowIndex = 0
    private var language: String?
    private var ready: [Paragraph] = []
    private var document = CleanedDocument()
    private var metadataReady = false
    private var finished = false

    private let context: DocumentContext

    /// Lines after which the window reserves room for all of its lines (see `accept`).
    static let linesBeforeFullReserve = 1024

    init(cleaner: Cleaner, engine: Engine, context: DocumentContext = DocumentContext()) {
        self.cleaner = cleaner
        self.context = context
        engine.matcher.startDocument()
        self.engine = engine
        decoder = InputDecoder(maxLineBytes: cleaner.options.maxLineBytes, sampleLimit: cleaner.options.binarySampleBytes)
        language = cleaner.options.language
    }

    deinit {
        if let engine { cleaner.recycle(engine) }
    }

    /// Metadata, once the first window is cleaned (before that, nil).
    public var metadata: Metadata? { metadataReady ? document.metadata : nil }

    /// Feeds the next chunk of UTF-8 bytes.
    public func feed(_ chunk: UnsafeBufferPointer<UInt8>) throws(HuskError) {
        guard let engine else { return }
        decoder.sample(chunk)
        try checkBinary(final: false)
        // Read before splitting: `accept` runs while the decoder is being mutated.
        sampleChecked = decoder.sampledBytes >= cleaner.options.binarySampleBytes
        decoder.split(chunk) { accept($0, engine) }
    }

    /// Feeds the next chunk of UTF-8 bytes.
    public func feed(_ chunk: [UInt8]) throws(HuskError) {
        try chunk.withUnsafeBufferPointer { buffer throws(HuskError) in try feed(buffer) }
    }

    /// Paragraphs cleaned so far and not yet taken.
    public func takeParagraphs() -> [Paragraph] {
        defer { ready.removeAll() }
        return ready
    }

    /// Ends the input: cleans what is left and returns the document. Paragraphs already taken
    /// with `takeParagraphs()` are not repeated in it.
    public func finish() throws(HuskError) -> CleanedDocument {
        guard let engine, !finished else { return document }
        try checkBinary(final: true)
        sampleChecked = true
        decoder.finish { accept($0, engine) }
        closeWindow(engine)
        finished = true
        metadataReady = true
        document.paragraphs = takeParagraphs()
        document.statistics.documents = 1
        document.statistics.bytesIn = decoder.bytesRead
        document.statistics.invalidSequences = decoder.invalidSequences
        cleaner.recycle(engine)
        self.engine = nil
        return document
    }

    private func checkBinary(final: Bool) throws(HuskError) {
        guard final || decoder.sampledBytes >= cleaner.options.binarySampleBytes else { return }
        if decoder.looksBinary(share: cleaner.options.binaryControlShare) {
            throw .binaryInput(offset: max(0, decoder.firstControlOffset))
        }
    }

    private func accept(_ raw: UnsafeBufferPointer<UInt8>, _ engine: Engine) {
        lineNumber += 1
        let line: Line
        if let normalized = engine.normalizer.normalized(raw) {
            line = normalized.withUnsafeBufferPointer { engine.markup.read(bytes: $0, number: lineNumber) }
        } else {
            line = engine.markup.read(bytes: raw, number: lineNumber)
        }
        // Read before the line moves into the window: used after, it would be copied there.
        let blank = line.isBlank
        window.append(consume line)
        windowBytes += raw.count + 1
        let options = cleaner.options
        // A long document gets room for a whole window at once, instead of doubling into it:
        // each doubling copied the lines into fresh memory, and the copies' page faults were a
        // twentieth of a run. Short documents never ask for the room.
        if window.count == Self.linesBeforeFullReserve, window.capacity < options.windowLines {
            window.reserveCapacity(options.windowLines + Self.linesBeforeFullReserve)
        }
        let full = windowBytes >= options.windowBytes || window.count >= options.windowLines
        let overfull = windowBytes >= options.windowHardLimitBytes || window.count >= options.windowHardLimitLines
        if (blank && full) || overfull {
            // Edges depend only on the lines; cleaning waits until the binary check has seen
            // its sample, so a window is never cleaned from input that is then refused.
            closed.append(window)
            window.removeAll(keepingCapacity: true)
            windowBytes = 0
        }
        if !closed.isEmpty && sampleChecked { cleanClosedWindows(engine) }
    }

    private func cleanClosedWindows(_ engine: Engine) {
        let pending = closed
        closed.removeAll()
        for lines in pending { clean(lines, engine) }
    }

    private func closeWindow(_ engine: Engine) {
        cleanClosedWindows(engine)
        guard !window.isEmpty else { return }
        let lines = window
        window.removeAll(keepingCapacity: true)
        windowBytes = 0
        clean(lines, engine)
    }

    private func clean(_ lines: [Line], _ engine: Engine) {
        let result = WindowCleaner(engine: engine, cleaner: cleaner).clean(
            lines, isFirst: windowIndex == 0, language: &language, context: context)
        if windowIndex == 0 {
            document.metadata = result.metadata
            document.provenance = result.provenance
            metadataReady = true
        }
        windowIndex += 1
        ready += result.paragraphs
        document.fingerprints += result.fingerprints
        if cleaner.options.explain { document.blocks += result.reports }
        document.statistics.merge(result.statistics)
    }
}
