/// RFC 3492 Punycode decoding, for internationalized domain labels (`xn--…`).
///
/// A look-alike domain written with Cyrillic or accented letters travels as punycode
/// (`xn--mtoken-ovf` is `іmtoken` with a Cyrillic `і`); the checker decodes it to see the letters
/// a browser would show. Only decoding is needed; Foundation offers no IDNA API on Linux.
public enum Punycode {
  private static let base = 36
  private static let tMin = 1
  private static let tMax = 26
  private static let skew = 38
  private static let damp = 700
  private static let initialBias = 72
  private static let initialN = 128

  /// Decodes the part after `xn--`. Nil for malformed input (bad digit, overflow, invalid scalar).
  public static func decode(_ encoded: String) -> String? {
    let scalars = Array(encoded.unicodeScalars)
    guard scalars.allSatisfy(\.isASCII) else { return nil }
    // Everything before the last delimiter is copied literally (the basic code points).
    var output: [Unicode.Scalar] = []
    var position = 0
    if let delimiter = scalars.lastIndex(of: "-") {
      output = Array(scalars[..<delimiter])
      position = delimiter + 1
    }
    var n = initialN
    var i = 0
    var bias = initialBias
    while position < scalars.count {
      let oldI = i
      var weight = 1
      var k = base
      while true {
        guard position < scalars.count, let digit = digitValue(scalars[position]) else { return nil }
        position += 1
        let (product, productOverflow) = digit.multipliedReportingOverflow(by: weight)
        let (sum, sumOverflow) = i.addingReportingOverflow(product)
        guard !productOverflow, !sumOverflow else { return nil }
        i = sum
        let threshold = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
        if digit < threshold { break }
        let (nextWeight, weightOverflow) = weight.multipliedReportingOverflow(by: base - threshold)
        guard !weightOverflow else { return nil }
        weight = nextWeight
        k += base
      }
      let length = output.count + 1
      bias = adapt(delta: i - oldI, points: length, first: oldI == 0)
      let (nextN, nOverflow) = n.addingReportingOverflow(i / length)
      guard !nOverflow else { return nil }
      n = nextN
      i %= length
      guard n < 0x110000, let scalar = Unicode.Scalar(UInt32(n)) else { return nil }
      output.insert(scalar, at: i)
      i += 1
    }
    var result = ""
    result.unicodeScalars.append(contentsOf: output)
    return result
  }

  /// Decodes one domain label: `xn--…` labels are decoded, others returned unchanged.
  /// Nil when an `xn--` label is malformed.
  public static func decodeLabel(_ label: String) -> String? {
    guard label.lowercased().hasPrefix("xn--") else { return label }
    return decode(String(label.dropFirst(4)))
  }

  private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar.value {
    case 0x30...0x39: return Int(scalar.value) - 0x30 + 26
    case 0x41...0x5A: return Int(scalar.value) - 0x41
    case 0x61...0x7A: return Int(scalar.value) - 0x61
    default: return nil
    }
  }

  private static func adapt(delta: Int, points: Int, first: Bool) -> Int {
    var delta = first ? delta / damp : delta / 2
    delta += delta / points
    var k = 0
    while delta > ((base - tMin) * tMax) / 2 {
      delta /= base - tMin
      k += base
    }
    return k + ((base - tMin + 1) * delta) / (delta + skew)
  }
}
