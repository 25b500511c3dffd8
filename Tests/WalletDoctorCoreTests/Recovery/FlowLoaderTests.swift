import Foundation
import Testing
@testable import WalletDoctorCore

struct FlowLoaderTests {
  @Test func shippedFlowsPassTheValidatorAndCoverTheContract() throws {
    let flows = try FlowLoader.bundled()
    #expect(flows.map(\.id) == FlowLoader.contractFlowIDs)
  }

  @Test func everyShippedOutcomeCitesHTTPSSourcesAndEveryTextHasBothLanguages() throws {
    for flow in try FlowLoader.bundled() {
      for step in flow.steps {
        if let outcome = step.outcome {
          #expect(!outcome.sources.isEmpty)
          #expect(outcome.sources.allSatisfy { $0.hasPrefix("https://") })
        }
        for text in [step.prompt, step.detail, step.outcome?.title, step.outcome?.summary].compactMap({ $0 }) + (step.outcome?.actions ?? []) {
          #expect(!text.english.isEmpty && !text.simplifiedChinese.isEmpty)
          // A Chinese text with no Chinese character is an untranslated copy.
          #expect(text.simplifiedChinese.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(flow.id)/\(step.id)")
        }
      }
    }
  }

  /// One broken file with many kinds of mistakes: every one must be reported in one go.
  static let brokenFlow = """
    {
      "id": "broken",
      "title": {"en": "Broken"},
      "summary": {"en": "A broken flow", "zh-Hans": "坏流程"},
      "start": "ask",
      "colour": "red",
      "steps": [
        {"id": "ask", "kind": "choice", "prompt": {"en": "Which?", "zh-Hans": "哪个？"},
         "options": [
           {"id": "a", "label": {"en": "A", "zh-Hans": "甲"}, "next": "nowhere"},
           {"id": "b", "label": {"en": "B", "zh-Hans": "乙"}, "next": {"default": "end", "nokia": "end"}},
           {"id": "c", "label": {"en": "C", "zh-Hans": "丙"}, "next": "loop"}
         ]},
        {"id": "island", "kind": "instruction", "prompt": {"en": "Unreachable", "zh-Hans": "无法到达"}, "next": "end"},
        {"id": "end", "kind": "outcome", "title": {"en": "End", "zh-Hans": "结束"},
         "summary": {"en": "Done", "zh-Hans": "完成"}, "actions": [{"en": "Rest", "zh-Hans": "休息"}], "sources": []},
        {"id": "end", "kind": "outcome", "title": {"en": "Again", "zh-Hans": "再次"},
         "summary": {"en": "Done", "zh-Hans": "完成"}, "actions": [{"en": "Rest", "zh-Hans": "休息"}], "sources": ["http://insecure.example"]},
        {"id": "loop", "kind": "confirm", "prompt": {"en": "Loop?", "zh-Hans": "循环？"}, "yes": "loop", "no": "loop"},
        {"id": "solved", "kind": "text", "prompt": {"en": "Text", "zh-Hans": "文本"}, "expects": "email", "next": "end"},
        {"id": "weird", "kind": "dance"}
      ]
    }
    """

  @Test func brokenFlowReportsEveryProblemAtOnce() throws {
    let files = [
      (name: "broken.json", data: Data(Self.brokenFlow.utf8)),
      (name: "not-json.json", data: Data("{".utf8)),
      (name: "misnamed.json", data: Data(#"{"id": "other", "title": {"en": "T", "zh-Hans": "题"}, "summary": {"en": "S", "zh-Hans": "概"}, "start": "x", "steps": [{"id": "x", "kind": "outcome", "title": {"en": "T", "zh-Hans": "题"}, "summary": {"en": "S", "zh-Hans": "概"}, "actions": [{"en": "A", "zh-Hans": "做"}], "sources": ["https://example.org/a"]}]}"#.utf8)),
    ]
    let error = try #require(throws: FlowSetError.self) {
      try FlowLoader.load(files: files, requiredIDs: ["broken", "forgot-password"])
    }
    let report = error.problems.map(\.description)
    let expected = [
      "broken.json: 'title' is missing its Simplified Chinese (zh-Hans) translation",
      "broken.json: unknown key 'colour' in flow",
      "broken.json: step 'ask': option 'a' leads to 'nowhere', which is not a step",
      "broken.json: step 'ask': 'next of option 'b'' names an unknown wallet 'nokia'",
      "broken.json: step 'island': is unreachable from 'start'",
      "broken.json: step 'end': an outcome needs at least one source (an https:// URL)",
      "broken.json: step 'end': the step id is used twice",
      "broken.json: step 'loop': cannot reach any outcome",
      "broken.json: step 'solved': 'solved' is reserved for the engine",
      "broken.json: step 'solved': 'expects' must be 'tx_hash' or 'text'",
      "broken.json: step 'weird': 'kind' must be one of",
      "not-json.json: is not valid JSON",
      "misnamed.json: file name must be 'other.json' for flow id 'other'",
      "forgot-password.json: the contract requires flow 'forgot-password', which is missing",
    ]
    for fragment in expected {
      #expect(report.contains { $0.hasPrefix(fragment) }, "missing: \(fragment)\nreport:\n\(report.joined(separator: "\n"))")
    }
    #expect(error.localizedDescription.contains("problem(s)"))
  }

  @Test func automaticStepMustFollowAHashQuestionAndListEveryVerdict() throws {
    let flow = """
      {"id": "auto", "title": {"en": "T", "zh-Hans": "题"}, "summary": {"en": "S", "zh-Hans": "概"}, "start": "verdict",
       "steps": [
        {"id": "verdict", "kind": "choice", "auto": "diagnosis_verdict", "prompt": {"en": "?", "zh-Hans": "？"},
         "options": [{"id": "confirmed", "label": {"en": "C", "zh-Hans": "确"}, "next": "end"},
                     {"id": "pending", "label": {"en": "P", "zh-Hans": "待"}, "next": "end"}]},
        {"id": "end", "kind": "outcome", "title": {"en": "E", "zh-Hans": "终"}, "summary": {"en": "S", "zh-Hans": "概"},
         "actions": [{"en": "A", "zh-Hans": "做"}], "sources": ["https://example.org/x"]}
       ]}
      """
    let error = try #require(throws: FlowSetError.self) {
      try FlowLoader.load(files: [(name: "auto.json", data: Data(flow.utf8))])
    }
    let report = error.problems.map(\.description).joined(separator: "\n")
    #expect(report.contains("needs exactly the options"))
    #expect(report.contains("must only follow a 'text' step that expects 'tx_hash'"))
  }
}

struct FlowDocumentTests {
  @Test func describeJSONHasTheContractShapeAndResolvesTheWallet() throws {
    let flow = try #require(try FlowLoader.bundled().first { $0.id == "hardware-pin" })
    let json = try JSONOutput.string(FlowDescription(flow: flow, wallet: .ledger, language: .english))
    let object = try #require(JSONValue.parse(Data(json.utf8))?.objectValue)
    #expect(object["schema"] == "walletdoctor.flow/1")
    #expect(object["id"] == "hardware-pin")
    #expect(object["start"] == "ledger-problem")
    let steps = try #require(object["steps"]?.arrayValue)
    let ids = steps.compactMap { $0["id"]?.stringValue }
    #expect(!ids.contains("trezor-problem"))  // not reachable with a Ledger
    let choice = try #require(steps.first { $0["id"] == "ledger-problem" })
    #expect(choice["kind"] == "choice")
    #expect(choice["options"]?[0]?["next"] == "ledger-have-words")
    let outcome = try #require(steps.first { $0["kind"] == "outcome" })
    for key in ["title", "summary", "actions", "sources"] { #expect(outcome[key] != nil, "\(key)") }
  }

  @Test func describeMarksTheHashQuestionAndTheAutomaticVerdict() throws {
    let flow = try #require(try FlowLoader.bundled().first { $0.id == "stuck-transfer" })
    let description = FlowDescription(flow: flow, wallet: .imtoken, language: .simplifiedChinese)
    #expect(description.steps.first?.expects == .transactionHash)
    #expect(description.steps.first { $0.id == "diagnosis" }?.auto == .diagnosisVerdict)
    #expect(description.title.contains("转账"))
  }

  @Test func recoveryDocumentForAnIncompleteWalkCarriesTheNextStepAndNullOutcome() throws {
    let flow = try #require(try FlowLoader.bundled().first { $0.id == "forgot-password" })
    var session = RecoverySession(sessionID: "20260101-000000-abcd", flow: flow.id, wallet: .imtoken, language: .english, start: "has-backup", now: Date(timeIntervalSince1970: 0))
    session.path = [.init(step: "has-backup", answer: "yes")]
    session.currentStep = "imtoken-wallet-type"
    let json = try JSONOutput.string(RecoveryDocument(session: session, flow: flow, language: .english))
    let object = try #require(JSONValue.parse(Data(json.utf8))?.objectValue)
    for key in ["schema", "session_id", "flow", "wallet", "lang", "status", "path", "outcome", "warnings"] {
      #expect(object[key] != nil, "\(key)")
    }
    #expect(object["schema"] == "walletdoctor.recovery/1")
    #expect(object["status"] == "incomplete")
    #expect(object["outcome"] == .null)
    #expect(object["path"]?[0]?["answer"] == "yes")
    #expect(object["path"]?[0]?["answer_label"] == "Yes")
    #expect(object["next_step"]?["id"] == "imtoken-wallet-type")
    #expect(object["next_step"]?["options"]?.arrayValue?.count == 3)
    #expect(object["report_command"] == .null)
  }

  @Test func completedDocumentOffersTheReportUntilSolved() throws {
    let flow = try #require(try FlowLoader.bundled().first { $0.id == "lost-phrase" })
    var session = RecoverySession(sessionID: "20260101-000000-abcd", flow: flow.id, wallet: .imtoken, language: .simplifiedChinese, start: "wallet-still-opens", now: Date(timeIntervalSince1970: 0))
    session.status = .completed
    session.outcome = "cannot-restore"
    session.currentStep = nil
    let document = RecoveryDocument(session: session, flow: flow, language: .simplifiedChinese)
    #expect(document.outcome?.title == "丢失的助记词无人能够恢复")
    #expect(document.reportCommand == "walletdoctor report --recovery 20260101-000000-abcd")
    session.solved = true
    #expect(RecoveryDocument(session: session, flow: flow, language: .english).reportCommand == nil)
  }

  @Test func outlineListsEveryFlowAndStep() throws {
    let flows = try FlowLoader.bundled()
    let markdown = FlowOutline.markdown(flows)
    for flow in flows {
      #expect(markdown.contains("### `\(flow.id)`"))
      for step in flow.steps { #expect(markdown.contains("`\(step.id)`"), "\(flow.id)/\(step.id)") }
    }
  }
}
