@testable import Husk
import XCTest

final class TreeModelTests: XCTestCase {
    let names = ["a", "b"]

    func testTreesAreWalkedAndSummedIntoAProbability() throws {
        let text = "husk-gbt 1\nfeatures b a\nbias 0.5\ntree\nn 0 1.5 1 2\nl -1\nl 2\nend\n"
        let model = try TreeModel(text: text, featureNames: names)
        // feature 0 of the model is "b" (index 1 in names).
        XCTAssertEqual(model.probability([9, 1]), 1 / (1 + exp(0.5)), accuracy: 1e-9)
        XCTAssertEqual(model.probability([0, 2]), 1 / (1 + exp(-2.5)), accuracy: 1e-9)
    }

    func testStackedFeaturesReadTheNeighboursScores() {
        let values = StackedFeatures.values([0.9, 0.1, 0.8], at: 1)
        XCTAssertEqual(values.count, StackedFeatures.stackedNames.count)
        XCTAssertEqual(values[0], 0.1)
        XCTAssertEqual(values[1], 0.9)
        XCTAssertEqual(values[2], -1)
        XCTAssertEqual(values[4], 0.8)
        XCTAssertEqual(values[9], 1)  // previous kept block is one back
        XCTAssertEqual(values[10], 1)  // next kept block is one ahead
        XCTAssertEqual(values[11], 0.9 / 1.8, accuracy: 1e-12)
    }

    func testUnknownFeatureIsAnError() {
        XCTAssertThrowsError(try TreeModel(text: "husk-gbt 1\nfeatures zzz\ntree\nl 0\nend\n", featureNames: names))
    }

    func testEmbeddedModelMatchesTheFeatureSet() throws {
        let text = try XCTUnwrap(EmbeddedRules.files["model/blocks.gbt"])
        XCTAssertNoThrow(try BlockModel(text: text))
    }

    func testBlockModelScoresTheWindowMatrixAsEachRowAlone() throws {
        let text = try XCTUnwrap(EmbeddedRules.files["model/blocks.gbt"])
        let model = try BlockModel(text: text)
        let width = ContextFeatures.names.count
        var generator = SystemRandomNumberGenerator()
        let rows = (0..<70).map { _ in (0..<width).map { _ in Double.random(in: -1...40, using: &generator) } }
        let needed = rows.indices.map { $0 % 3 != 1 }
        let scores = model.probabilities(FeatureMatrix(rows, width: width), needed: needed)
        for (i, row) in rows.enumerated() where needed[i] {
            // The matrix keeps Floats, as the trees compare them.
            let alone = model.stage1.probability(row.map { Double(Float($0)) })
            XCTAssertEqual(scores[i], alone, accuracy: 1e-12, "row \(i)")
        }
    }
}
