// swift-tools-version:6.0
import PackageDescription

/// The library is compiled with optimization in debug builds too: `swift test` runs the
/// adversarial corpus (100 MiB lines, a million blocks) under time bounds that only optimized
/// code meets, and the tests still see internals through `-enable-testing`. SwiftPM refuses
/// unsafe flags in packages used as versioned dependencies, so the flag is set only when Husk
/// is the root package, not a checkout inside another package's build.
let isDependencyCheckout = Context.packageDirectory.contains("/checkouts/")
let optimizedEvenInDebug: [SwiftSetting] =
    isDependencyCheckout ? [] : [.unsafeFlags(["-O"], .when(configuration: .debug))]

/// Clang writes DWARF 5 by default, which the profiler this project measures with (valgrind
/// 3.19's callgrind) cannot read; the Swift targets write DWARF 4.
let valgrindReadableDebugInfo: [CSetting] = isDependencyCheckout ? [] : [.unsafeFlags(["-gdwarf-4"])]

let package = Package(
    name: "Husk",
    products: [
        .library(name: "Husk", targets: ["Husk"]),
        .library(name: "HuskIO", targets: ["HuskIO"]),
        .executable(name: "husk", targets: ["HuskCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system ICU (Debian: libicu-dev). Only ICUKit may import it.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // The system zlib (Debian: zlib1g-dev), for .gz inputs and gzip-member WARC files.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Small Foundation-free wrapper: break iterators, normalization, regex, dates, scripts.
        .target(name: "ICUKit", dependencies: ["CICU"], swiftSettings: optimizedEvenInDebug),
        // Turns Rules/ into Swift source so the binary works with no files beside it.
        .executableTarget(name: "RulesEmbedder"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["RulesEmbedder"]),
        // The tree model's vector kernel (AVX-512 or AVX2, chosen at run time; Swift's walk elsewhere).
        .target(name: "CHuskKernels", cSettings: valgrindReadableDebugInfo),
        .target(
            name: "Husk",
            dependencies: ["ICUKit", "CHuskKernels"],
            swiftSettings: optimizedEvenInDebug,
            plugins: ["EmbedRules"]
        ),
        // Batch input and output: files, gzip, directory walks, JSONL, WARC, atomic outputs.
        .target(name: "HuskIO", dependencies: ["CZlib"], swiftSettings: optimizedEvenInDebug),
        .executableTarget(
            name: "HuskCLI",
            dependencies: [
                "Husk",
                "HuskIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process measurements for tools/bench/throughput (ICU word break alone, documents/s).
        .executableTarget(name: "HuskBench", dependencies: ["Husk", "ICUKit"]),
        // libFuzzer targets (not products). tools/fuzz/run builds them in .build/fuzz with
        // AddressSanitizer and fuzzer coverage, links libFuzzer's no-main archive, and with
        // -DHUSK_FUZZ their main hands control to LLVMFuzzerRunDriver. In ordinary builds they
        // are replayers: `swift run HuskFuzzPipeline FILE...`.
        .target(name: "HuskFuzzSupport"),
        .executableTarget(name: "HuskFuzzPipeline", dependencies: ["Husk", "HuskFuzzSupport"]),
        .executableTarget(name: "HuskFuzzRules", dependencies: ["Husk", "HuskFuzzSupport"]),
        .testTarget(name: "ICUKitTests", dependencies: ["ICUKit"]),
        .testTarget(name: "HuskTests", dependencies: ["Husk"]),
        .testTarget(name: "HuskIOTests", dependencies: ["HuskIO"]),
        .testTarget(name: "HuskCLITests", dependencies: ["Husk", "HuskCLI"]),
    ]
)
