import Foundation

/// Folds a name to a "skeleton" in which characters that look alike become the same letter, so
/// `imt0ken`, `іmtoken` (Cyrillic і), `lèdger` and `rnetamask` compare equal to the real names.
///
/// The idea follows Unicode TR39 confusable skeletons, reduced to what matters for wallet names:
/// accents are dropped, Cyrillic and Greek letters that look Latin become Latin, digits that pass
/// for letters become those letters, and a few letter pairs that read as one (`rn` → `m`) merge.
/// Both sides of a comparison are folded, so the mapping only needs to be consistent, not pretty.
public enum ConfusableFolding {
  /// Single characters and the Latin letter they pass for.
  static let characterMap: [Character: Character] = [
    // Digits and symbols that pass for letters.
    "0": "o", "1": "l", "|": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
    // Latin letters that pass for others in many fonts.
    "i": "l", "ı": "l", "ł": "l", "ø": "o", "đ": "d", "q": "g", "ĸ": "k",
    // Cyrillic.
    "а": "a", "в": "b", "г": "r", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ъ": "b", "ь": "b", "і": "l",
    "ї": "l", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "g", "ԝ": "w", "һ": "h", "ӏ": "l", "ɡ": "g",
    "ɩ": "l",
    // Greek.
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "l", "κ": "k", "μ": "u", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w",
  ]

  /// Letter pairs that read as one letter; applied after the single-character map.
  static let pairMap: [(String, String)] = [("rn", "m"), ("vv", "w"), ("cl", "d")]

  /// The skeleton of `text`: lower-case, unaccented, confusables mapped to plain Latin.
  public static func skeleton(_ text: String) -> String {
    // NFKD splits accents off their letters (è → e + ◌̀) and maps full-width forms to ASCII.
    let decomposed = text.lowercased().decomposedStringWithCompatibilityMapping
    var folded = ""
    for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
      let character = Character(scalar)
      folded.append(characterMap[character] ?? character)
    }
    for (pair, single) in pairMap {
      folded = folded.replacingOccurrences(of: pair, with: single)
    }
    return folded
  }

  /// Why `raw` folds to a name without spelling it: letters from other alphabets or with
  /// accents, digits standing in for letters, or letter pairs that read as one.
  static func disguises(in raw: String) -> Set<LookalikeSignal> {
    var found: Set<LookalikeSignal> = []
    if raw.unicodeScalars.contains(where: { !$0.isASCII }) { found.insert(.foreignLetters) }
    if raw.contains(where: { $0.isNumber && characterMap[$0] != nil }) { found.insert(.digitsForLetters) }
    let asciiLetters = raw.lowercased()
    if pairMap.contains(where: { asciiLetters.contains($0.0) }) || asciiLetters.contains("q") {
      found.insert(.lookalikeLetters)
    }
    return found
  }
}
