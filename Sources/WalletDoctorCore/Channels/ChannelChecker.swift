/// Decides whether a website, e-mail address or handle is an official channel, a look-alike of
/// one, or unknown, against the sourced ``ChannelDirectory``.
///
/// Official means exactly listed: a host equal to or under an official domain, any address at
/// an official mail domain, a listed handle (case-insensitive). Entries marked uncertain are
/// never official. Everything else that resembles a listed name is a look-alike, and the result
/// names the entry it imitates.
public struct ChannelChecker: Sendable {
  public let directory: ChannelDirectory

  public init(directory: ChannelDirectory) {
    self.directory = directory
  }

  /// Parses and checks one input.
  public func check(_ input: String) throws(InputError) -> ChannelCheckResult {
    let address = try CheckedAddress.parse(input)
    return check(address, input: input.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  public func check(_ address: CheckedAddress, input: String) -> ChannelCheckResult {
    switch address.kind {
    case .url: return checkURL(address, input: input)
    case .email: return checkEmail(address, input: input)
    case .handle: return checkHandle(address.handle ?? "", platform: nil, address: address, input: input)
    }
  }

  // MARK: - URLs

  private func checkURL(_ address: CheckedAddress, input: String) -> ChannelCheckResult {
    let host = address.host
    if let platform = SocialPlatform.serving(host: host) {
      // On a shared platform the host says nothing; the account does.
      if address.userInfo == nil, let account = platform.account(inPath: address.pathSegments) {
        return checkHandle(account, platform: platform, address: address, input: input)
      }
    }
    if let (wallet, entry) = listedEntry(host: host, path: address.pathSegments) {
      return ChannelCheckResult(
        input: input, address: address, verdict: entry.uncertain ? .unknown : .official, wallet: wallet, channel: entry)
    }
    if let (wallet, domain) = officialOwner(of: host) {
      return ChannelCheckResult(
        input: input, address: address, verdict: .official, wallet: wallet, channel: wallet.domainEntry(domain))
    }
    if let userInfo = address.userInfo, !userInfo.isEmpty,
      let match = officialHostDisguise(userInfo) ?? hostLookalike(userInfo.lowercased(), usedPunycode: false)
    {
      var signals = match.signals
      signals.insert(.disguisedUserinfo)
      return lookalike(match, signals: signals, address: address, input: input)
    }
    if let match = hostLookalike(host, usedPunycode: address.usedPunycode) {
      return lookalike(match, signals: match.signals, address: address, input: input)
    }
    return ChannelCheckResult(input: input, address: address, verdict: .unknown)
  }

  /// A non-domain entry served from this host. On a wallet's main domain (`token.im/hc`) the
  /// input's path must start with the entry's; a dedicated host (`support.token.im`) is the
  /// entry whatever the path.
  private func listedEntry(host: String, path: [String]) -> (WalletChannels, ChannelEntry)? {
    var best: (WalletChannels, ChannelEntry, Int)?
    for wallet in directory.wallets {
      let apexDomains = Set(wallet.channels.filter { $0.kind == .domain }.map { $0.value.lowercased() })
      for entry in wallet.channels where entry.kind != .domain && entry.kind != .email {
        guard entry.host == host, let parsed = try? CheckedAddress.parseURL(entry.value) else { continue }
        let entryPath = parsed.pathSegments.map { $0.lowercased() }
        let pathMatches = path.count >= entryPath.count && zip(path, entryPath).allSatisfy { $0.lowercased() == $1 }
        guard pathMatches || !apexDomains.contains(host) else { continue }
        let score = pathMatches ? entryPath.count : -1
        if best == nil || score > best!.2 { best = (wallet, entry, score) }
      }
    }
    return best.map { ($0.0, $0.1) }
  }

  /// The wallet whose confirmed domain is `host` or a parent of it.
  func officialOwner(of host: String) -> (WalletChannels, String)? {
    for wallet in directory.wallets {
      for domain in wallet.officialDomains where host == domain || host.hasSuffix("." + domain) {
        return (wallet, domain)
      }
    }
    return nil
  }

  /// `https://token.im@evil.com`: the userinfo is exactly an official host.
  private func officialHostDisguise(_ userInfo: String) -> LookalikeMatch? {
    let text = userInfo.lowercased()
    guard let (wallet, domain) = officialOwner(of: text), let entry = wallet.domainEntry(domain) else { return nil }
    return LookalikeMatch(wallet: wallet, imitates: entry, signals: [], distance: 0)
  }

  // MARK: - E-mail

  private func checkEmail(_ address: CheckedAddress, input: String) -> ChannelCheckResult {
    let domain = address.host
    if let (wallet, officialDomain) = officialOwner(of: domain) {
      let listed = wallet.channels.first { $0.kind == .email && $0.value.lowercased() == address.normalized }
      return ChannelCheckResult(
        input: input, address: address, verdict: .official, wallet: wallet,
        channel: listed ?? wallet.domainEntry(officialDomain))
    }
    if let match = hostLookalike(domain, usedPunycode: address.usedPunycode) {
      let imitated = match.wallet.supportEmail ?? match.imitates
      return lookalike(
        LookalikeMatch(wallet: match.wallet, imitates: imitated, signals: match.signals, distance: match.distance),
        signals: match.signals, address: address, input: input)
    }
    let localTokens = tokens(address.localPart ?? "", separators: ".-_+")
    if let match = wordLookalike(localTokens, isHost: false) {
      var signals = match.signals
      signals.remove(.otherDomain)
      signals.remove(.unlistedAccount)
      signals.insert(.nameAtOtherMailDomain)
      let imitated = match.wallet.supportEmail ?? match.wallet.mainDomain ?? match.imitates
      return lookalike(
        LookalikeMatch(wallet: match.wallet, imitates: imitated, signals: signals, distance: match.distance),
        signals: signals, address: address, input: input)
    }
    return ChannelCheckResult(input: input, address: address, verdict: .unknown)
  }

  // MARK: - Handles

  /// Checks an account name, from `@name` or from a platform URL (`x.com/name`, restricted to that platform).
  private func checkHandle(
    _ handle: String, platform: SocialPlatform?, address: CheckedAddress, input: String
  ) -> ChannelCheckResult {
    let name = handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
    var exact: [(WalletChannels, ChannelEntry)] = []
    for wallet in directory.wallets {
      for entry in wallet.channels {
        guard let account = entry.platformAccount, account.account == name else { continue }
        // A bare @name is an X or Telegram handle; it never matches a URL-only account such as
        // medium.com/imtoken, whose name on other platforms may belong to anyone.
        if let platform, account.platform != platform { continue }
        if platform == nil, entry.handle == nil { continue }
        exact.append((wallet, entry))
      }
    }
    if let (wallet, entry) = exact.first(where: { !$0.1.uncertain }) ?? exact.first {
      return ChannelCheckResult(
        input: input, address: address, verdict: entry.uncertain ? .unknown : .official, wallet: wallet, channel: entry)
    }
    if let match = handleLookalike(name, platform: platform) {
      return lookalike(match, signals: match.signals, address: address, input: input)
    }
    return ChannelCheckResult(input: input, address: address, verdict: .unknown)
  }

  /// A handle that folds to a listed one (`@imT0kenOfficial`), or that uses a wallet's name.
  private func handleLookalike(_ name: String, platform: SocialPlatform?) -> LookalikeMatch? {
    let skeleton = ConfusableFolding.skeleton(name)
    var best: LookalikeMatch?
    for wallet in directory.wallets {
      for entry in wallet.channels where comparableAccount(entry, platform: platform) {
        guard let listed = entry.platformAccount?.account else { continue }
        let distance = EditDistance.distance(skeleton, ConfusableFolding.skeleton(listed))
        guard distance <= EditDistance.tolerance(forLength: listed.count) else { continue }
        var signals = ConfusableFolding.disguises(in: name)
        if distance > 0 { signals.insert(.misspelling) }
        if signals.isEmpty { signals.insert(.lookalikeLetters) }
        let candidate = LookalikeMatch(wallet: wallet, imitates: entry, signals: signals, distance: distance)
        if best == nil || candidate.distance < best!.distance { best = candidate }
      }
    }
    if let best { return best }
    guard let match = wordLookalike(tokens(name, separators: "_-."), isHost: false) else { return nil }
    return LookalikeMatch(
      wallet: match.wallet,
      imitates: closestHandle(to: skeleton, in: match.wallet, platform: platform) ?? match.imitates,
      signals: match.signals, distance: match.distance)
  }

  /// Accounts a handle is compared with: on a known platform, that platform's accounts; for a
  /// bare `@name`, the X and Telegram handles (a Medium or GitHub name is not an `@handle`).
  private func comparableAccount(_ entry: ChannelEntry, platform: SocialPlatform?) -> Bool {
    guard let account = entry.platformAccount else { return false }
    if let platform { return account.platform == platform }
    return entry.handle != nil
  }

  /// The wallet's confirmed account closest to `skeleton`, to name what a handle imitates.
  private func closestHandle(to skeleton: String, in wallet: WalletChannels, platform: SocialPlatform?) -> ChannelEntry? {
    wallet.channels
      .filter { !$0.uncertain && comparableAccount($0, platform: platform) }
      .min { a, b in
        EditDistance.distance(skeleton, ConfusableFolding.skeleton(a.platformAccount!.account))
          < EditDistance.distance(skeleton, ConfusableFolding.skeleton(b.platformAccount!.account))
      }
  }

  // MARK: - Look-alike analysis

  /// A resemblance found, before it becomes a result.
  struct LookalikeMatch {
    var wallet: WalletChannels
    var imitates: ChannelEntry
    var signals: Set<LookalikeSignal>
    /// Edits beyond folding; lower is a closer imitation.
    var distance: Int
  }

  private func lookalike(
    _ match: LookalikeMatch, signals: Set<LookalikeSignal>, address: CheckedAddress, input: String
  ) -> ChannelCheckResult {
    var all = signals
    if address.usedPunycode { all.insert(.punycode) }
    return ChannelCheckResult(
      input: input, address: address, verdict: .lookalike, wallet: match.wallet, imitates: match.imitates,
      signals: all.sorted())
  }

  /// A host that is not official but embeds an official domain or resembles a wallet's name.
  func hostLookalike(_ host: String, usedPunycode: Bool) -> LookalikeMatch? {
    let labels = host.split(separator: ".").map(String.init)
    if let embedded = embeddedDomain(labels) { return embedded }
    return wordLookalike(tokens(host, separators: ".-_"), isHost: true)
  }

  /// `token.im.evil.com`, `support.token.im-help.com`…: an official domain's labels inside a host
  /// that does not end with it. Also `tоken.im` (Cyrillic о) at the end.
  private func embeddedDomain(_ labels: [String]) -> LookalikeMatch? {
    let foldedLabels = labels.map(ConfusableFolding.skeleton)
    for wallet in directory.wallets {
      for domain in wallet.officialDomains {
        let domainLabels = domain.split(separator: ".").map(String.init)
        let foldedDomain = domainLabels.map(ConfusableFolding.skeleton)
        guard labels.count >= domainLabels.count else { continue }
        for start in 0...(labels.count - domainLabels.count) {
          let range = start..<(start + domainLabels.count)
          guard Array(foldedLabels[range]) == foldedDomain else { continue }
          var signals: Set<LookalikeSignal> = []
          let raw = Array(labels[range])
          if raw != domainLabels {
            signals.formUnion(ConfusableFolding.disguises(in: raw.joined(separator: ".")))
            if signals.isEmpty { signals.insert(.lookalikeLetters) }
          }
          if range.upperBound < labels.count { signals.insert(.embeddedOfficialDomain) }
          guard !signals.isEmpty, let entry = wallet.domainEntry(domain) else { continue }
          return LookalikeMatch(wallet: wallet, imitates: entry, signals: signals, distance: 0)
        }
      }
    }
    return nil
  }

  /// Splits a name into words at the given separators, lower-cased.
  func tokens(_ text: String, separators: String) -> [String] {
    text.lowercased().split(whereSeparator: { separators.contains($0) }).map(String.init)
  }

  /// The closest resemblance between runs of adjacent words and any wallet's look-alike words.
  func wordLookalike(_ words: [String], isHost: Bool) -> LookalikeMatch? {
    guard !words.isEmpty else { return nil }
    // A host's last word is its top-level domain: `metamask.com` is the bare name on another domain.
    let nameWordCount = isHost && words.count > 1 ? words.count - 1 : words.count
    var runs: [(text: String, coversName: Bool)] = []
    for start in words.indices {
      for length in 1...min(4, words.count - start) {
        runs.append((words[start..<(start + length)].joined(), start == 0 && length == nameWordCount))
      }
    }
    var best: LookalikeMatch?
    for wallet in directory.wallets {
      for word in wallet.lookalikeWords {
        guard let entry = wallet.domainEntry(word.imitates) else { continue }
        for run in runs {
          guard var (distance, signals) = resemblance(run.text, to: word) else { continue }
          if !run.coversName {
            signals.insert(.extraWords)
          } else if signals.isEmpty {
            signals.insert(isHost ? .otherDomain : .unlistedAccount)
          }
          if !isHost { signals.insert(.unlistedAccount) }
          // Prefer the closest imitation, then the run that explains the whole name.
          distance = distance * 2 + (run.coversName ? 0 : 1)
          let candidate = LookalikeMatch(wallet: wallet, imitates: entry, signals: signals, distance: distance)
          if best == nil || candidate.distance < best!.distance { best = candidate }
        }
      }
    }
    return best.map { LookalikeMatch(wallet: $0.wallet, imitates: $0.imitates, signals: $0.signals, distance: $0.distance / 2) }
  }

  /// Whether `run` resembles `word` under its match policy, how closely, and how it is disguised
  /// (empty when it is the word itself).
  func resemblance(_ run: String, to word: LookalikeWord) -> (Int, Set<LookalikeSignal>)? {
    let foldedRun = ConfusableFolding.skeleton(run)
    let foldedWord = ConfusableFolding.skeleton(word.word)
    let tolerance = EditDistance.tolerance(forLength: word.word.count)
    let distance: Int
    switch word.match {
    case .exact:
      distance = EditDistance.distance(foldedRun, foldedWord)
    case .prefix:
      distance = foldedRun.hasPrefix(foldedWord) ? 0 : EditDistance.distance(foldedRun, foldedWord)
    case .contains:
      distance = foldedRun.contains(foldedWord)
        ? 0
        : min(
          EditDistance.prefixDistance(foldedWord, foldedRun), EditDistance.suffixDistance(foldedWord, foldedRun))
    }
    guard distance <= tolerance else { return nil }

    var signals: Set<LookalikeSignal> = []
    if run == word.word {
      return (0, [])
    } else if run.contains(word.word) {
      signals.insert(.extraWords)
    } else {
      if distance == 0 {
        signals.formUnion(ConfusableFolding.disguises(in: run))
        if signals.isEmpty { signals.insert(.lookalikeLetters) }
      } else {
        signals.insert(.misspelling)
        signals.formUnion(ConfusableFolding.disguises(in: run).subtracting([.lookalikeLetters]))
      }
      if foldedRun.count > foldedWord.count + distance { signals.insert(.extraWords) }
    }
    return (distance, signals)
  }
}
