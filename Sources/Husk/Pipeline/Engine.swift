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
    let categoryOfRule: [Int?]

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
    }
}
