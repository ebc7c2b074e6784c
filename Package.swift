// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Apportion",
  products: [
    .executable(name: "apportion", targets: ["apportion"]),
    .library(name: "ApportionCore", targets: ["ApportionCore"]),
    .library(name: "ApportionIO", targets: ["ApportionIO"]),
    .library(name: "ApportionWorkbooks", targets: ["ApportionWorkbooks"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
    .package(url: "https://github.com/attaswift/BigInt.git", from: "6.0.0"),
  ],
  targets: [
    // The domain: money, partners, budget lines, rules, the engine. No file or terminal I/O.
    // BigInt: exact weights for rules whose denominators do not fit in 64 bits.
    .target(name: "ApportionCore", dependencies: [.product(name: "BigInt", package: "BigInt")]),
    // Files into the model (YAML rules, CSV budgets) and results out (JSON, text).
    .target(
      name: "ApportionIO",
      dependencies: [
        "ApportionCore", .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // libxlsxwriter, the C library, from Debian's libxlsxwriter-dev.
    .systemLibrary(
      name: "CXlsxWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    // The only Swift code that calls libxlsxwriter; reads each file back to check it (ZIP).
    .target(
      name: "XlsxWriter",
      dependencies: ["CXlsxWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    // The workbooks: partnership and per-partner XLSX, from the engine's results.
    // BigInt: the exact fractions (shares, rounding) shown as numbers in cells.
    .target(
      name: "ApportionWorkbooks",
      dependencies: [
        "ApportionCore", "ApportionIO", "XlsxWriter", .product(name: "BigInt", package: "BigInt"),
      ]),
    .executableTarget(
      name: "apportion",
      dependencies: [
        "ApportionCore", "ApportionIO", "ApportionWorkbooks",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // A benchmark program (prints figures): swift run -c release apportion-bench [lines].
    .executableTarget(
      name: "apportion-bench",
      dependencies: ["ApportionCore", "ApportionIO", "ApportionWorkbooks"],
      path: "Benchmarks/apportion-bench"
    ),
    // Fuzzing (see Fuzz/README.md): the properties every input must keep, shared by the fuzz
    // programs and the tests that replay the seed corpus and every crash found.
    .target(
      name: "FuzzChecks", dependencies: ["ApportionCore", "ApportionIO"], path: "Fuzz/FuzzChecks"),
    // One program per fuzz target: libFuzzer's entry point when built by Fuzz/run (with
    // -DFUZZING), otherwise a replayer: fuzz-csv FILE|FOLDER...
    .executableTarget(name: "fuzz-amount", dependencies: ["FuzzChecks"], path: "Fuzz/fuzz-amount"),
    .executableTarget(name: "fuzz-csv", dependencies: ["FuzzChecks"], path: "Fuzz/fuzz-csv"),
    .executableTarget(name: "fuzz-rules", dependencies: ["FuzzChecks"], path: "Fuzz/fuzz-rules"),
    // Test-only: what several test targets share (a seeded generator, temporary folders,
    // money text without floating point).
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "ApportionCoreTests",
      dependencies: [
        "ApportionCore", "TestSupport", .product(name: "BigInt", package: "BigInt"),
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "ApportionIOTests",
      dependencies: ["ApportionIO", "TestSupport", .product(name: "Yams", package: "Yams")]),
    .testTarget(name: "FuzzChecksTests", dependencies: ["FuzzChecks"]),
    // Test-only: reads a written .xlsx back (unzip, sheet XML) so tests check the numbers.
    .target(
      name: "XLSXInspection",
      dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
      path: "Tests/XLSXInspection"
    ),
    .testTarget(
      name: "XlsxWriterTests", dependencies: ["XlsxWriter", "XLSXInspection", "TestSupport"]),
    .testTarget(
      name: "ApportionWorkbooksTests",
      dependencies: [
        "ApportionWorkbooks", "ApportionIO", "XLSXInspection", "TestSupport",
        .product(name: "BigInt", package: "BigInt"),
      ]
    ),
    .testTarget(
      name: "CLITests",
      dependencies: ["apportion", "ApportionIO", "TestSupport", "XLSXInspection"],
      resources: [.copy("Fixtures")]
    ),
  ]
)
