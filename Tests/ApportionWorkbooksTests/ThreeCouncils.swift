import TestSupport

/// Three councils, one with a long name and a short one, over a budget of `lines` lines with
/// ledger columns (team, grade, cost centre, an account code with leading zeros, FTE, a
/// fraction, a period) and large amounts: what the statement must still fit on a page.
struct ThreeCouncils {
  static let rules = """
    agreement: Brent, Lewisham and Southwark ICT Shared Service
    year: 2017-18
    partners:
      - { id: brent, name: London Borough of Brent, short_name: Brent, host: true }
      - { id: lewisham, name: London Borough of Lewisham, short_name: Lewisham }
      - { id: southwark, name: London Borough of Southwark (from November 2016), short_name: Southwark }
    drivers:
      calls: { brent: 27289, lewisham: 16367, southwark: 21950 }
      fte: { brent: 12.5, lewisham: 9, southwark: 10.25 }
    rules:
      - name: Council-specific contracts
        when: { council: [brent, lewisham, southwark] }
        basis: { direct: { column: council } }
      - name: LGA contract income
        when: { category: lga-income }
        basis: { direct: brent }
      - name: Staff
        when: { category: staff }
        carve: { fraction: { column: lga_share }, to: { direct: brent } }
        rest: equal
      - name: Service desk
        when: { cost_centre: { prefix: SD } }
        basis: { driver: calls }
      - name: Infrastructure by FTE
        when: { category: infrastructure }
        basis: { driver: fte }
      - name: Data centre (fixed percentages)
        when: { category: datacentre }
        basis: { percentages: { brent: 43.5, lewisham: 41.5, southwark: 15 } }
      - name: Shared service
        basis: equal

    """

  static func budget(lines: Int, seed: UInt64 = 7) -> String {
    var random = SeededGenerator(seed: seed)
    let categories = [
      "staff", "staff", "contract", "infrastructure", "datacentre", "supplies", "lga-income",
    ]
    var csv =
      "id,description,amount,category,team,grade,council,lga_share,cost_centre,account,fte,period\n"
    for row in 1...lines {
      let category = categories.randomElement(using: &random) ?? "supplies"
      let council =
        category == "contract"
        ? ["brent", "lewisham", "southwark"].randomElement(using: &random) ?? "" : ""
      let share =
        category == "staff" ? ["0", "0.25", "0.5"].randomElement(using: &random) ?? "0" : ""
      let centre = ["SD10", "ICT100", "ICT110"].randomElement(using: &random) ?? "ICT100"
      var pence = Int64.random(in: 1...90_000_000_00, using: &random)
      if category == "lga-income" { pence = -pence }
      let account = "0" + String(Int.random(in: 1000...9999, using: &random))
      let fte = category == "staff" ? "1" : ""
      let description =
        "Line \(row): \(category) costs for the shared service"
        + (row % 5 == 0 ? ", including the extended warranty and out-of-hours cover" : "")
      csv +=
        "L\(row),\"\(description)\",\(poundsText(pence)),\(category),Service Desk,PO4,"
        + "\(council),\(share),\(centre),\(account),\(fte),\(row % 12 + 1)\n"
    }
    return csv
  }
}
