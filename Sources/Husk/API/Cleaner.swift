/// Husk's front door: cleans web text into an article with metadata.
///
/// ```swift
/// let cleaner = try Cleaner()
/// let document = try cleaner.clean(pageText)
/// print(document.metadata.title ?? "", document.text)
/// ```
/// A `Cleaner` is immutable and `Sendable`: share one across threads; each call uses its own
/// working state from an internal pool.
public struct Cleaner: Sendable {
    public let options: CleanerOptions
    /// The rules in force, every file parsed.
    public var rules: RuleSet { ruleSet.parsingDeferred() }
    /// The same with the localized defaults not parsed yet: each engine parses those of the
    /// languages it meets (see `RuleSet+Deferred.swift`).
    let ruleSet: RuleSet
    let model: BlockModel?
    let stoplists: Stoplists
    let pool = EnginePool()

    /// Loads the embedded rules (unless `useDefaultRules` is off), any extra rules, the model and stoplists.
    public init(options: CleanerOptions = CleanerOptions()) throws(HuskError) {
        // User rules are checked in full (examples too) before any input is read; the embedded
        // defaults were checked when they were built and tested.
        let user = try RuleSet(files: options.extraRules)
        let defaults = options.useDefaultRules ? try RuleSet.defaultsDeferringLanguages() : RuleSet(uncheckedRules: [])
        self.options = options
        ruleSet = try RuleSet(defaults: defaults, user: user.rules)
        if let text = options.modelText ?? EmbeddedRules.files["model/blocks.gbt"] {
            model = try BlockModel(text: text)
        } else {
            model = nil
        }
        stoplists = Stoplists()
    }

    /// Cleans a whole document held in memory.
    ///
    /// `referenceDate` (`YYYY-MM-DD`, or ISO 8601 with a time) is when the page was fetched, for
    /// relative dates such as "3 hours ago"; it overrides `CleanerOptions.referenceDate`.
    public func clean(_ text: String, referenceDate: String? = nil) throws(HuskError) -> CleanedDocument {
        try clean(text, context: DocumentContext(referenceDate: referenceDate))
    }

    /// Cleans a document with what is known about it: its fetch date, its site, and the lines
    /// a batch run has learned repeat across that site's pages.
    public func clean(_ text: String, context: DocumentContext) throws(HuskError) -> CleanedDocument {
        var utf8 = Array(text.utf8)
        return try utf8.withUnsafeMutableBufferPointer { buffer throws(HuskError) in
            let stream = try makeStream(context: context)
            try stream.feed(UnsafeBufferPointer(buffer))
            return try stream.finish()
        }
    }

    /// Cleans a whole document given as UTF-8 bytes (invalid sequences are replaced and counted).
    public func clean(bytes: UnsafeBufferPointer<UInt8>, referenceDate: String? = nil) throws(HuskError) -> CleanedDocument {
        let stream = try makeStream(context: DocumentContext(referenceDate: referenceDate))
        try stream.feed(bytes)
        return try stream.finish()
    }

    /// A push-driven cleaner for one document: feed chunks, read paragraphs as they are ready.
    public func makeStream(referenceDate: String? = nil) throws(HuskError) -> CleaningStream {
        try makeStream(context: DocumentContext(referenceDate: referenceDate))
    }

    /// A push-driven cleaner for one document with its context.
    public func makeStream(context: DocumentContext) throws(HuskError) -> CleaningStream {
        var context = context
        if context.referenceDate == nil { context.referenceDate = options.referenceDate }
        if let engine = pool.take() { return CleaningStream(cleaner: self, engine: engine, context: context) }
        return CleaningStream(
            cleaner: self, engine: try Engine(options: options, rules: ruleSet), context: context)
    }

    /// Feature names of the block classifier, in the order `blockFeatures` reports them.
    public static var featureNames: [String] { ContextFeatures.names }

    func recycle(_ engine: Engine) { pool.give(engine) }
}
