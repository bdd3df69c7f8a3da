/// The per-thread working state of a cleaner: ICU iterators, compiled rules, formatters.
///
/// ICU objects carry iteration state, so each thread needs its own; building one costs
/// milliseconds, so the cleaner keeps finished engines in a pool for the next document.
final class Engine {
    let normalizer: TextNormalizer
    let markup = MarkupReader()
    let segmenter = Segmenter()
    let repairer = Repairer()
    let counter: WordCounter
    let extractor: FeatureExtractor
    let matcher: RuleMatcher
    let context: ContextFeatures
    let metadata: MetadataExtractor
    let identifier = LanguageIdentifier()
    /// Each rule's feature column among `RuleCategories.known` (nil: a category with none),
    /// looked up once instead of once per rule in every window.
    private(set) var categoryOfRule: [Int?]
    /// The cleaner's rules as this engine has them: localized files it has not needed yet are
    /// placeholders (see `RuleSet+Deferred.swift`).
    private(set) var rules: [Rule]
    private var deferred: [RuleSet.DeferredFile]
    /// Languages whose deferred files this engine has parsed.
    private var prepared: Set<String> = []

    init(options: CleanerOptions, rules: RuleSet) throws(HuskError) {
        normalizer = try TextNormalizer(form: options.normalization)
        counter = try WordCounter()
        extractor = FeatureExtractor(counter: counter)
        matcher = RuleMatcher(
            rules: rules, maxLineCharacters: options.ruleMaxLineCharacters, cases: counter.cases)
        context = ContextFeatures(
            proseMinWords: options.proseMinWords, proseMinStopwordDensity: options.proseMinStopwordDensity)
        metadata = MetadataExtractor(dates: try DateFinder())
        categoryOfRule = rules.rules.map { RuleCategories.index[$0.category] }
        self.rules = rules.rules
        deferred = rules.deferred
    }

    /// Parses the deferred rules files of `language`, once per engine, before its blocks are
    /// matched: a language's rules are complete before the matcher builds its scan for it.
    func prepareRules(for language: String?) {
        guard let language, !deferred.isEmpty, prepared.insert(language).inserted else { return }
        var changed: [Range<Int>] = []
        deferred.removeAll { file in
            guard file.languages.contains(language) else { return false }
            if let parsed = file.parse(placeholders: rules[file.range]) {
                rules.replaceSubrange(file.range, with: parsed)
                changed.append(file.range)
            }
            return true
        }
        guard !changed.isEmpty else { return }
        for range in changed {
            for i in range { categoryOfRule[i] = RuleCategories.index[rules[i].category] }
        }
        matcher.replaceRules(rules, changed: changed)
    }
}
