/// Edit distances between names, counting an adjacent swap (`legder`) as one edit.
enum EditDistance {
  /// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent
  /// transpositions each cost one.
  static func distance(_ a: String, _ b: String) -> Int {
    table(Array(a), Array(b)).last!.last!
  }

  /// The smallest distance between `pattern` and any prefix of `text` (`imtokkenwallet` is one
  /// edit from starting with `imtoken`).
  static func prefixDistance(_ pattern: String, _ text: String) -> Int {
    table(Array(pattern), Array(text)).last!.min()!
  }

  /// The smallest distance between `pattern` and any suffix of `text`.
  static func suffixDistance(_ pattern: String, _ text: String) -> Int {
    prefixDistance(String(pattern.reversed()), String(text.reversed()))
  }

  /// `rows[i][j]` = distance between the first `i` of `a` and the first `j` of `b`.
  private static func table(_ a: [Character], _ b: [Character]) -> [[Int]] {
    var rows = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { rows[i][0] = i }
    for j in 0...b.count { rows[0][j] = j }
    guard !a.isEmpty, !b.isEmpty else { return rows }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var best = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          best = min(best, rows[i - 2][j - 2] + 1)
        }
        rows[i][j] = best
      }
    }
    return rows
  }

  /// How many edits still count as "the same name misspelled": none for short names (`okx`
  /// is one letter from many words), one for ordinary names, two for long ones.
  static func tolerance(forLength length: Int) -> Int {
    switch length {
    case ..<6: return 0
    case 6..<9: return 1
    default: return 2
    }
  }
}
