import ArgumentParser
import Foundation
import WalletDoctorCore

/// Options every command shares: output format and language.
struct OutputOptions: ParsableArguments {
  @Flag(name: .long, help: "Print the result as JSON on stdout (stable schema, sorted keys).")
  var json = false

  @Option(name: .long, help: ArgumentHelp("Language of the output: en or zh-Hans (default: from LC_ALL/LANG).", valueName: "en|zh-Hans"))
  var lang: String?

  func validate() throws {
    if let lang, Language(flag: lang) == nil {
      throw ValidationError("--lang must be 'en' or 'zh-Hans', not '\(lang)'.")
    }
  }

  /// The language chosen by `--lang`, else by the environment.
  var language: Language {
    Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)
  }
}
