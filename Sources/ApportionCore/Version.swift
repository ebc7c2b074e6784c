public enum ApportionCoreVersion { public static let string = "0.1.0" }
