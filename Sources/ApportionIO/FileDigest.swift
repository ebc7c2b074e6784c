import Crypto

/// File fingerprints for the workbooks' Sources sheet.
///
/// A fingerprint is always of the bytes `apportion` actually read and used, taken as it
/// read them (see ``Job/rulesSHA256`` and ``Job/budgetSHA256``), never from a second
/// reading of the file, which could differ from what was used or be impossible (a pipe).
public enum FileDigest {
  /// The SHA-256 of some bytes as 64 lowercase hex digits.
  ///
  /// ```swift
  /// FileDigest.sha256(Array("abc".utf8))
  /// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
  /// ```
  public static func sha256(_ bytes: [UInt8]) -> String {
    hex(SHA256.hash(data: bytes))
  }

  /// A digest as lowercase hex digits.
  static func hex(_ digest: SHA256.Digest) -> String {
    digest.map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
