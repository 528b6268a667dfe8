"""Measures POST /graphql/export (issue #25): wall time and the API process's resident memory while it writes a small
and a large export (each XLSX and CSV), in alternating rounds. Memory is sampled from /proc/PID/status every 20 ms; a
round's figure is its peak minus the resident size just before it: constant memory means it does not grow with rows."""
import argparse, json, statistics, threading, time, urllib.request

QUERY = "query($where: CaseFilterInput) { cases(where: $where, order: [{ number: ASC }]) { nodes { number title status openedAt keyClass village { name } category { nameZh } petitioners { name } } } }"

def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))

def export(url, token, fmt, where, pid):
    body = json.dumps({"query": QUERY, "variables": {"where": where}}).encode()
    request = urllib.request.Request(f"{url}/graphql/export?format={fmt}", data=body, method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    before, peak, done = rss_kib(pid), [0], threading.Event()
    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_kib(pid)); time.sleep(0.02)
    sampler = threading.Thread(target=sample); sampler.start()
    started, size, lines = time.perf_counter(), 0, 0
    with urllib.request.urlopen(request, timeout=1800) as response:
        while chunk := response.read(1 << 16):
            size += len(chunk); lines += chunk.count(b"\n")
    elapsed = time.perf_counter() - started
    done.set(); sampler.join()
    return elapsed, before, peak[0], size, lines - 1

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url"); p.add_argument("--token"); p.add_argument("--pid", type=int); p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--small", help="CaseFilterInput JSON of the small export"); p.add_argument("--out")
    a = p.parse_args()
    sizes = {"small": json.loads(a.small), "large": None}
    export(a.url, a.token, "csv", sizes["small"], a.pid)  # warm-up: the first request compiles the code paths
    results = {}
    for r in range(a.rounds):
        for fmt in ("xlsx", "csv"):
            for name, where in sizes.items():
                elapsed, before, peak, size, rows = export(a.url, a.token, fmt, where, a.pid)
                results.setdefault((fmt, name), []).append((elapsed, before, peak, size, rows))
                print(f"round {r + 1} {fmt} {name}: {elapsed:.1f} s, {size / 1e6:.1f} MB, rows {rows if fmt == 'csv' else '-'}, "
                      f"RSS before {before / 1024:.0f} MiB, peak {peak / 1024:.0f} MiB (+{(peak - before) / 1024:.0f})", flush=True)
    lines = ["export\tmedian_s\tmin_s\tmax_s\tmedian_peak_mib\tmedian_growth_mib\tmax_growth_mib\tbytes\trounds"]
    for (fmt, name), runs in results.items():
        t = [x[0] for x in runs]; peaks = [x[2] / 1024 for x in runs]; growth = [(x[2] - x[1]) / 1024 for x in runs]
        lines.append(f"{fmt} {name}\t{statistics.median(t):.1f}\t{min(t):.1f}\t{max(t):.1f}\t{statistics.median(peaks):.0f}\t"
                     f"{statistics.median(growth):.0f}\t{max(growth):.0f}\t{runs[0][3]}\t{len(runs)}")
    print("\n".join(lines))
    if a.out:
        open(a.out, "w").write("\n".join(lines) + "\n")

if __name__ == "__main__":
    main()
