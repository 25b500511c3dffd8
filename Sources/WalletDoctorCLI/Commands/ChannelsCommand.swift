import ArgumentParser
import Foundation
import WalletDoctorCore

/// `walletdoctor channels`: list the official support channels, or check whether a site,
/// e-mail address or handle is one of them.
struct ChannelsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "channels",
    abstract: "List official wallet support channels, or check a site, e-mail address or @handle.",
    discussion: """
      Without --check, lists each wallet's official help center, ticket form, e-mail, in-app path \
      and accounts, with what the wallet says it will never do. Entries marked [unconfirmed] come \
      only from third-party sources.

      --check judges one input: a URL by its host (userinfo removed, international names decoded), \
      an e-mail address by its domain, a handle case-insensitively.

      Exit status: 0 official; 3 look-alike of an official channel; 1 not in the directory (or \
      listed only as unconfirmed); 64 usage error; 65 the input looked like a secret and was refused.
      """)

  @Option(name: .long, help: ArgumentHelp("Only this wallet: imtoken, metamask, trust, tokenpocket, okx, coinbase, ledger, trezor.", valueName: "NAME"))
  var wallet: String?

  @Option(name: .long, help: ArgumentHelp("A website, e-mail address or @handle to check.", valueName: "URL|EMAIL|@HANDLE"))
  var check: String?

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if check != nil, wallet != nil {
      throw ValidationError("--check judges against every wallet; use it without --wallet.")
    }
  }

  func run() throws {
    let language = output.language
    let directory: ChannelDirectory
    do {
      directory = try ChannelDirectory.bundled()
    } catch {
      Console.err(LocalizedText(en: "error: ", zh: "错误：")(language) + error.localizedDescription + "\n")
      throw ExitCode.failure
    }
    let style = TerminalStyle.detect(isTerminal: Console.stdoutIsTerminal)
    let renderer = ChannelsTextRenderer(language: language, style: style)

    guard let check else {
      var wallets = directory.wallets
      if let wallet {
        guard let found = directory.wallet(named: wallet) else {
          let names = directory.wallets.map(\.id).joined(separator: ", ")
          Console.err(
            LocalizedText(
              en: "error: --wallet must be one of: \(names).\n",
              zh: "错误：--wallet 必须是以下之一：\(names)。\n")(language))
          throw ExitCode.usage
        }
        wallets = [found]
      }
      if output.json {
        Console.out(try JSONOutput.string(ChannelDirectoryDocument(wallets, language: language)))
      } else {
        Console.out(renderer.renderDirectory(wallets))
      }
      return
    }

    try refuseSecrets(in: check, language: language)
    let result: ChannelCheckResult
    do throws(InputError) {
      result = try ChannelChecker(directory: directory).check(check)
    } catch {
      Console.err(LocalizedText(en: "error: ", zh: "错误：")(language) + error.message(language) + "\n")
      throw ExitCode.usage
    }
    if output.json {
      Console.out(try JSONOutput.string(ChannelCheckDocument(result, language: language)))
    } else {
      Console.out(renderer.renderCheck(result))
    }
    if result.exitCode != 0 { throw ExitCode(result.exitCode) }
  }

  /// People paste the wrong thing when frightened; a phrase or key given to `--check` is refused
  /// before it is parsed, echoed or judged.
  private func refuseSecrets(in text: String, language: Language) throws {
    let matches: [SecretMatch]
    do {
      matches = try SecretDetector.scan(text, context: .freeText)
    } catch {
      Console.err(LocalizedText(en: "error: ", zh: "错误：")(language) + error.localizedDescription + "\n")
      throw ExitCode.failure
    }
    guard !matches.isEmpty else { return }
    Console.err(SecretRefusal.message(for: matches.map(\.kind))(language) + "\n")
    throw ExitCode.secretRefused
  }
}
