/// A problem with what the user typed (exit 64). The message never repeats the input itself,
/// because a mistaken paste can be a secret.
public struct InputError: Error, Sendable, Hashable {
  public var message: LocalizedText

  public init(_ message: LocalizedText) {
    self.message = message
  }
}
