import ArgumentParser

/// The process exit codes of the command contract.
enum ExitCodes {
  /// A verdict was reached (diagnose), the flow completed (recover), the site is official (channels).
  static let success: Int32 = 0
  /// Not found on any chain probed (diagnose); not in the directory (channels --check).
  static let notFound: Int32 = 1
  /// Could not decide (diagnose); a scripted walk stopped at a step without an answer (recover).
  static let undecided: Int32 = 2
  /// A look-alike of an official channel (channels --check).
  static let lookalike: Int32 = 3
  /// Usage error: malformed input, unknown name, bad flag value (sysexits EX_USAGE).
  static let usage: Int32 = 64
  /// The input contained a secret (recovery phrase, private key) and was refused (EX_DATAERR).
  static let secretRefused: Int32 = 65
}

extension ExitCode {
  static let usage = ExitCode(ExitCodes.usage)
  static let secretRefused = ExitCode(ExitCodes.secretRefused)
}
