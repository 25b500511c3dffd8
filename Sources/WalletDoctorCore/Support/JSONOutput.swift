import Foundation

/// The one JSON encoder configuration every `--json` output and file uses: sorted keys, readable.
public enum JSONOutput {
  public static func encoder(pretty: Bool = true) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty
      ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      : [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// Encodes `value` as UTF-8 JSON text ending with a newline.
  public static func string<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
    let data = try encoder(pretty: pretty).encode(value)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
