/// The tool's version, shown by `--version` and recorded in reports.
public enum WalletDoctorVersion {
  public static let current = "0.1.0"
}
