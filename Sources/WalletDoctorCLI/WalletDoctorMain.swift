import ArgumentParser
import Foundation

/// The process entry: parses arguments, runs the command, and maps errors to exit codes.
public enum WalletDoctorMain {
  public static func run() async {
    // A parent may start us with signals blocked (a thread-pool thread's mask is inherited
    // across exec); unblock them so Ctrl-C and SIGTERM work as a user expects.
    var none = sigset_t()
    sigemptyset(&none)
    sigprocmask(SIG_SETMASK, &none, nil)
    // Writes to a closed pipe (`walletdoctor … | head`) must not kill the process.
    signal(SIGPIPE, SIG_IGN)
    await WalletDoctorCommand.main()
  }
}

/// `walletdoctor`: the root command.
struct WalletDoctorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "walletdoctor",
    abstract: "Explain a stuck or failed crypto transfer, and guide recovery and support requests.",
    discussion: """
      walletdoctor never asks for your recovery phrase, private key or password, and no real \
      wallet support will either. If something asks for them, it is a scam.
      walletdoctor 不会索要您的助记词、私钥或密码，真正的钱包客服也绝不会索要。任何索要这些信息的都是骗局。
      """,
    version: WalletDoctorVersionText.value,
    subcommands: [DiagnoseCommand.self, RecoverCommand.self, ChannelsCommand.self, ReportCommand.self, EndpointsCommand.self]
  )
}
