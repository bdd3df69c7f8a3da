import Foundation
import PackagePlugin

/// Embeds the package's top-level `Rules/` folder into the Husk library as Swift source.
///
/// SwiftPM resource bundles break when the binary is copied elsewhere; generated source
/// travels with the binary, so `husk` works with no files beside it.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDir = context.package.directoryURL.appendingPathComponent("Rules")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: rulesDir, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey])
                guard values?.isRegularFile == true else { continue }
                let name = url.lastPathComponent
                guard !name.hasPrefix("."), !name.hasSuffix(".md") else { continue }
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRules.swift")
        let tool = try context.tool(named: "RulesEmbedder")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files from Rules/",
                executable: tool.url,
                arguments: [output.path, rulesDir.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
