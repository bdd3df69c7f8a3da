/// Every knob of the cleaner, each with a named default.
///
/// Thresholds live here or in `Rules/` data files, never as literals inside the stages.
public struct CleanerOptions: Sendable {
    /// Which way to lean when the classifier is unsure.
    public enum Favor: String, Sendable, CaseIterable {
        case precision, balanced, recall

        /// The classifier probability above which a block is kept.
        public var threshold: Double {
            switch self {
            case .precision: return 0.62
            case .balanced: return 0.5
            case .recall: return 0.36
            }
        }
    }

    public enum NormalizationForm: String, Sendable { case nfc, nfkc }

    public var normalization: NormalizationForm = .nfc
    public var favor: Favor = .balanced
    /// Force the body language (ISO 639-1) instead of detecting it.
    public var language: String? = nil
    /// Use the rules embedded in the binary (`Rules/`).
    public var useDefaultRules = true
    /// Extra rules files: (display name, contents).
    public var extraRules: [(name: String, contents: String)] = []
    /// Classifier parameters to use instead of the embedded `Rules/model/blocks.gbt` (text of a `.gbt` file).
    public var modelText: String? = nil
    /// Record every block's decision and features (`--explain`).
    public var explain = false
    /// Input's own metadata (JSONL/WARC) to carry through.
    public var url: String? = nil
    /// When the pages were fetched (`YYYY-MM-DD` or ISO 8601), for relative dates ("2 hours
    /// ago"); without one they are not read. Per-document dates passed to `clean` win.
    public var referenceDate: String? = nil

    /// A window closes at the first blank line after this many bytes...
    public var windowBytes = 4 << 20
    /// ...and is cut wherever it is at twice that size, bounding memory for inputs with no blank lines.
    public var windowHardLimitBytes = 8 << 20
    /// Windows also close at a blank line after this many lines, and anywhere at twice as many:
    /// a page of a million one-character lines would otherwise hold a million blocks at once.
    public var windowLines = 20_000
    public var windowHardLimitLines: Int { windowLines * 2 }
    /// A line longer than this is split (at a space when one is near), bounding memory per line.
    public var maxLineBytes = 1 << 20
    /// Share of NUL or control bytes in the first `binarySampleBytes` that marks input as binary.
    public var binaryControlShare = 0.10
    public var binarySampleBytes = 8192

    /// Metadata is looked for in the first window's first this many blocks. The longest page of
    /// the dev benchmark has about 1,200; past that a window is a book or a stream of pages,
    /// whose header is at its top, and searching every block cost more than cleaning them.
    public var metadataReachBlocks = 3_000

    /// Lines at most this long (in characters) are candidates for line rules.
    public var ruleMaxLineCharacters = 400
    /// A block with at least this many words and this stopword density reads as prose.
    public var proseMinWords = 20
    public var proseMinStopwordDensity = 0.25
    /// When the classifier keeps fewer than this share of the document's words, keep the best region instead.
    public var fallbackMinKeptShare = 0.05

    /// When a paragraph scored below the threshold still counts as article text because it
    /// continues kept prose: it must score at least `minScore`, have `minWords` words, end a
    /// sentence and hold no link, and the kept prose must sit at most `reach` blocks above it
    /// with only rule-dropped blocks between.
    public struct Continuation: Sendable {
        public var minScore = 0.25
        public var minWords = 12
        public var reach = 2
        /// A closing line (see the classifier) has at most this many words, at least this
        /// stopword density, and ends a sentence.
        public var closingMaxWords = 8
        public var closingMinStopwordDensity = 0.5
        public init() {}
    }

    /// Prose continuation (see `Continuation`); nil turns it off.
    public var continuation: Continuation? = Continuation()

    public init() {}
}
