#!/usr/bin/env python3
"""Times statistics for every grouping (none, each dimension, each pair) in alternating rounds, and each report kind
(generateReport, PDF included) — medians with spread. Called by bench/run-groupings.sh."""
import argparse, itertools, json, statistics, time, urllib.request

DIMENSIONS = ["CATEGORY", "VILLAGE", "LEADER", "CHANNEL", "LEVEL"]
FIGURES = ("stock increment backlogIncrement resolved petitions highLevelPetitions "
           + " ".join(f"{r} {{ numerator denominator }}" for r in
                      ["repeatPetitionRate", "onTimeAcceptanceRate", "onTimeConclusionRate", "evaluationRate", "satisfactionRate"]))
REPORTS = ["MONTHLY_OVERVIEW", "BY_CATEGORY", "BY_VILLAGE", "LEADER_OWNERSHIP", "KEY_CASES", "CAMPAIGN_PROGRESS"]


def post(url, token, query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(url + "/graphql", body, {"Content-Type": "application/json", "Authorization": "Bearer " + token})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as response:
        answer = json.load(response)
    elapsed = (time.perf_counter() - started) * 1000
    if answer.get("errors"):
        raise SystemExit(f"error: {answer['errors'][0]['message']}")
    return elapsed, answer["data"]


def summary(name, times):
    times = sorted(times)
    return f"{name}\t{statistics.median(times):.0f}\t{times[0]:.0f}\t{times[-1]:.0f}\t{len(times)}"


def close_months(args, first):
    """Closes each month from first (YYYY-MM) to --to, as the office's monthly reports close them (closing an already
    closed month is refused: fine)."""
    close = "mutation($p: String!) { closePeriod(input: { period: $p }) { userErrors { message } } }"
    year, month = map(int, first.split("-"))
    while f"{year:04d}-{month:02d}" < args.to[:7]:
        post(args.url, args.office_token, close, {"p": f"{year:04d}-{month:02d}"})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def main():
    p = argparse.ArgumentParser()
    for a in ["url", "token", "from", "to", "period", "out"]:
        p.add_argument("--" + a, required=True)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--report-rounds", type=int, default=5)
    p.add_argument("--only", default="all")
    p.add_argument("--office-token", default="")
    p.add_argument("--close-months", action="store_true")
    p.add_argument("--close-from", default="", help="YYYY-MM: first close every month from it to --to (all history)")
    p.add_argument("--reports", default=",".join(REPORTS + ["DUE_LIST"]))
    args = p.parse_args()
    if args.close_from:
        # An office that filed every monthly report since its first petition: each month closed, rolled up when first asked.
        close_months(args, args.close_from)
    if args.only in ("all", "statistics"):
        groupings = [[]] + [[d] for d in DIMENSIONS] + [list(pair) for pair in itertools.combinations(DIMENSIONS, 2)]
        times = {",".join(g) or "(none)": [] for g in groupings}
        if args.close_months:
            close_months(args, args.__dict__["from"][:7])
        cold = {}
        for g in groupings:  # the first time: computed (and the closed months rolled up)
            cold[",".join(g) or "(none)"], _ = post(args.url, args.token, query(args, g))
        for _ in range(args.rounds):
            for g in groupings:
                elapsed, data = post(args.url, args.token, query(args, g))
                times[",".join(g) or "(none)"].append(elapsed)
        lines = ["grouping\tmedian_ms\tmin_ms\tmax_ms\trounds\tfirst_ms"] + [summary(name, t) + f"\t{cold[name]:.0f}" for name, t in times.items()]
        write(args.out + "/groupings.tsv", lines)
    if args.only in ("all", "reports"):
        generate = ("mutation($r: ReportKind!, $p: String!) { generateReport(input: { report: $r, period: $p }) "
                    "{ run { artifacts { fileName size } } userErrors { message } } }")
        # The due list is made for the current period only: this month in office time (UTC+8).
        current = time.strftime("%Y-%m", time.gmtime(time.time() + 8 * 3600))
        wanted = args.reports.split(",")
        if "CAMPAIGN_PROGRESS" in wanted:
            ensure_campaign(args)
        periods = {r: (current if r == "DUE_LIST" else args.period) for r in wanted}
        times = {r: [] for r in periods}
        pdf = {}
        for _ in range(args.report_rounds):
            for r, period in periods.items():
                print(f"  {r} {period} …", end="", flush=True)
                started = time.perf_counter()
                try:
                    elapsed, data = post(args.url, args.token, generate, {"r": r, "p": period})
                except SystemExit as refused:  # a report that cannot be made is recorded, and the others still run
                    print(f" {(time.perf_counter() - started) * 1000:.0f} ms: {refused}", flush=True)
                    times.pop(r, None)
                    continue
                print(f" {elapsed:.0f} ms", flush=True)
                payload = data["generateReport"]
                if payload["userErrors"]:
                    raise SystemExit(f"{r}: {payload['userErrors'][0]['message']}")
                pdf[r] = next((a["size"] for a in payload["run"]["artifacts"] if a["fileName"] == "report.pdf"), 0)
                times[r].append(elapsed)
        lines = ["report\tmedian_ms\tmin_ms\tmax_ms\trounds\tpdf_bytes"] + [summary(r, t) + f"\t{pdf[r]}" for r, t in times.items() if t]
        write(args.out + "/reports.tsv", lines)


def ensure_campaign(args):
    """The widest campaign the data allows: its baseline at the first petition (2019-01-01), so every figure it reports
    spans all the data — the slowest a campaign report can be — and the key-case list, which counts from a campaign's
    baseline, counts from the first petition as it does without one (the other reports' figures stay comparable)."""
    _, data = post(args.url, args.office_token, "{ campaigns { id name } }")
    if data["campaigns"]:
        return
    create = """mutation { createCampaign(input: {
      name: "积案化解攻坚专项行动（基准）", baselineAt: "2019-01-01"
      phases: [{ kind: SCREENING, from: "2019-01-01", to: "2019-07-01" }, { kind: PLANNING, from: "2019-07-01", to: "2020-01-01" },
               { kind: CONCENTRATED_EFFORT, from: "2020-01-01", to: "2026-01-01" }, { kind: CONSOLIDATION, from: "2026-01-01", to: "2027-01-01" }]
      targets: [{ figure: STOCK, comparison: REDUCE_BY_PERCENT, value: 40 }, { figure: BACKLOG_INCREMENT, comparison: AT_MOST, value: 0 },
                { figure: ON_TIME_ACCEPTANCE_RATE, comparison: AT_LEAST, value: 1 }]
    }) { userErrors { message } } }"""
    _, data = post(args.url, args.office_token, create)
    if data["createCampaign"]["userErrors"]:
        raise SystemExit("createCampaign: " + data["createCampaign"]["userErrors"][0]["message"])


def query(args, groups):
    group = f", groupBy: [{', '.join(groups)}]" if groups else ""
    return (f'{{ statistics(from: "{args.__dict__["from"]}", to: "{args.to}", interval: MONTH{group}) '
            f'{{ buckets {{ label {FIGURES} }} }} }}')


def write(path, lines):
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    main()
