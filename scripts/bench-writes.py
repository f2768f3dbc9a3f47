#!/usr/bin/env python3
"""bench-writes.py: the writer of the national benchmark (issue 13): figures
through the API at a fixed rate, open-loop, on keep-alive connections.

  bench-writes.py --base URL --token TOKEN --unit UNIT --codes A,B,... \
      --period P --rate R --seconds S [--check-every N --check-code CODE \
      --check-url PATH --check-indicator CODE] [--log FILE] [--workers N] \
      [--source ADDR]

Write k (k = 0, 1, ...) is due at start + k / R s, whether or not the
writes before it have been acknowledged (a slow acknowledgement does not
lower the rate): a scheduler hands each due write to one of --workers
threads (48 by default: a stall of 2.4 s at 20/s, the writes still sent on
time), each with its own keep-alive connection (from --source ADDR, e.g.
127.0.0.2, so that the server's cap of connections per address, which the
readers of the benchmark share, does not turn them away). A write's latency is
counted from when it was due to its acknowledgement (the time it waited for
a free connection included; that wait alone is the send lag). Every
--check-every'th write goes to --check-code of --unit (a figure that counts
in the roll-up at --check-url, under --check-indicator) with a value other
than the one before; its thread then GETs the roll-up at once, on the same
connection: the new figure is visible when that indicator's value in the
roll-up differs from the one seen after the check before (or at the
start). One check at a time: while one is in flight, a check's turn is a
plain write (check_skipped). The other writes go to --codes in turn,
values 0-99.

Stops after --seconds (at most 3600), or at SIGTERM/SIGINT; writes still
in flight then get up to 10 s to finish (their acknowledgements count in
acked and the latencies, not in achieved_rate). --log FILE gets one line a write
as it ends: "EPOCH_MS_ACKED LATENCY_MS STATUS KIND" (KIND w, or c for a
check write: c+ seen in the roll-up, c- not). At the end, on stdout, one
"name value" a line:

  asked_rate 20  achieved_rate 19.93 (2xx acknowledged while it ran / seconds)
  seconds 30.1  sent 602  acked 600  failed 2  unfinished 0
  p50_ms 4.1  p99_ms 38.0  max_ms 51.2  send_lag_p50_ms 0.2
  send_lag_p99_ms 1.3  checked 60  check_failed 0  check_skipped 0

Exits 2 on a bad argument, 1 when it could not write at all.
"""

import argparse
import http.client
import ipaddress
import json
import queue
import signal
import sys
import threading
import time
import urllib.parse


def parse_args(argv):
    p = argparse.ArgumentParser(prog="bench-writes.py", description="open-loop writer")
    p.add_argument("--base", required=True, help="http://HOST:PORT")
    p.add_argument("--token", required=True)
    p.add_argument("--unit", required=True)
    p.add_argument("--codes", required=True, help="indicator codes, comma-separated")
    p.add_argument("--period", required=True)
    p.add_argument("--rate", required=True, type=float, help="writes a second")
    p.add_argument("--seconds", required=True, type=float)
    p.add_argument("--workers", type=int, default=48)
    p.add_argument("--source", default="", help="local address to connect from")
    p.add_argument("--check-every", type=int, default=0)
    p.add_argument("--check-code", default="")
    p.add_argument("--check-url", default="")
    p.add_argument("--check-indicator", default="")
    p.add_argument("--log", default="")
    a = p.parse_args(argv)
    url = urllib.parse.urlsplit(a.base)
    if url.scheme != "http" or not url.hostname or not url.port:
        p.error(f"--base {a.base!r}: want http://HOST:PORT")
    if not 0 < a.rate <= 1000:
        p.error(f"--rate {a.rate}: want more than 0 and at most 1000 writes/s")
    if not 0 < a.seconds <= 3600:
        p.error(f"--seconds {a.seconds}: want more than 0 and at most 3600")
    if not 1 <= a.workers <= 256:
        p.error(f"--workers {a.workers}: want 1-256")
    if a.source:
        try:
            ipaddress.ip_address(a.source)
        except ValueError:
            p.error(f"--source {a.source!r}: want an IP address")
    a.codes = [c for c in a.codes.split(",") if c]
    if not a.codes:
        p.error("--codes: no indicator code")
    if a.check_every < 0:
        p.error(f"--check-every {a.check_every}: want 0 or more")
    if a.check_every and not (a.check_code and a.check_url and a.check_indicator):
        p.error("--check-every wants --check-code, --check-url and --check-indicator")
    a.host, a.port = url.hostname, url.port
    return a


class Conn:
    """One keep-alive connection, opened again after an error."""

    def __init__(self, a):
        self.a = a
        self.c = None

    def request(self, method, path, body=None):
        headers = {"Authorization": "Bearer " + self.a.token}
        if body is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (0, 1):
            try:
                if self.c is None:
                    self.c = http.client.HTTPConnection(
                        self.a.host, self.a.port, timeout=30,
                        source_address=(self.a.source, 0) if self.a.source else None)
                self.c.request(method, path, body=body, headers=headers)
                r = self.c.getresponse()
                data = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                return r.status, data
            except (OSError, http.client.HTTPException):
                self.close()
                # A kept connection the server closed: once more on a new one.
                if attempt:
                    return 0, b""
        return 0, b""

    def close(self):
        if self.c is not None:
            self.c.close()
            self.c = None


def rollup_value(data, code):
    """The value of indicator CODE in a roll-up's JSON, or None."""
    try:
        for ind in json.loads(data).get("indicators", []):
            if ind.get("code") == code:
                return json.dumps([ind.get("value"), ind.get("levels"), ind.get("meeting")])
    except (ValueError, AttributeError):
        pass
    return None


class Writer:
    def __init__(self, a):
        self.a = a
        self.lock = threading.Lock()
        self.lat = []
        self.acked = self.failed = self.in_window = 0
        self.window_end = float("inf")
        self.checked = self.check_failed = 0
        self.log = open(a.log, "a", buffering=1) if a.log else None
        self.path = "/api/v1/units/" + urllib.parse.quote(a.unit) + "/observations"
        self.writes = queue.Queue()
        self.checking = threading.Event()  # a check write in flight
        self.seen = None
        self.lag = []
        self.skipped = 0

    def body(self, code, value):
        return json.dumps({"indicator": code, "period": self.a.period, "value": value})

    def ended(self, due, status, kind, now=None):
        now = now or time.time()
        ms = (now - due) * 1000.0
        with self.lock:
            if 200 <= status < 300:
                self.acked += 1
                self.in_window += now <= self.window_end
                self.lat.append(ms)
            else:
                self.failed += 1
            if self.log:
                self.log.write(f"{int(now * 1000)} {ms:.2f} {status} {kind}\n")

    def worker(self):
        c = Conn(self.a)
        while True:
            job = self.writes.get()
            if job is None:
                break
            due, code, value, check = job
            sent = time.time()
            with self.lock:
                self.lag.append((sent - due) * 1000.0)
            status, _ = c.request("POST", self.path, self.body(code, value))
            acked = time.time()
            kind = "w"
            if check:
                kind = "c"
                if 200 <= status < 300:
                    s2, data = c.request("GET", self.a.check_url)
                    now = rollup_value(data, self.a.check_indicator) if s2 == 200 else None
                    ok = now is not None and now != self.seen
                    with self.lock:
                        self.checked += 1
                        self.check_failed += 0 if ok else 1
                    kind = "c+" if ok else "c-"
                    self.seen = now
                self.checking.clear()
            self.ended(due, status, kind, acked)
        c.close()

    def run(self):
        a = self.a
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        if a.check_every:
            c = Conn(a)
            status, data = c.request("GET", a.check_url)
            self.seen = rollup_value(data, a.check_indicator) if status == 200 else None
            c.close()
        threads = [threading.Thread(target=self.worker, daemon=True) for _ in range(a.workers)]
        for t in threads:
            t.start()
        start = time.time()
        k = nchecks = 0
        codes = a.codes
        while not stop.is_set():
            due = start + k / a.rate
            if due - start >= a.seconds:
                break
            wait = due - time.time()
            if wait > 0 and stop.wait(wait):
                break
            check = a.check_every and k % a.check_every == a.check_every - 1
            if check and self.checking.is_set():
                # The check before still in flight: a plain write instead.
                self.skipped += 1
                check = False
            if check:
                self.checking.set()
                nchecks += 1
                # 12.5 and 87.5 in turn: never the figure before (stored ones are whole).
                self.writes.put((due, a.check_code, 12.5 if nchecks % 2 else 87.5, True))
            else:
                self.writes.put((due, codes[k % len(codes)], k % 100, False))
            k += 1
        with self.lock:
            self.window_end = time.time()
        run = self.window_end - start
        for _ in range(a.workers):
            self.writes.put(None)
        end = time.time() + 10
        for t in threads:
            t.join(max(0.0, end - time.time()))
        with self.lock:
            lat = sorted(self.lat)
            acked, failed, in_window = self.acked, self.failed, self.in_window
            checked, check_failed = self.checked, self.check_failed
            lag = sorted(self.lag)

        def pct(p, v=lat):
            return v[min(len(v) - 1, max(0, int(len(v) * p + 0.999) - 1))] if v else float("nan")

        out = [
            ("asked_rate", f"{a.rate:g}"),
            ("achieved_rate", f"{in_window / run:.2f}" if run > 0 else "0"),
            ("seconds", f"{run:.1f}"),
            ("sent", k),
            ("acked", acked),
            ("failed", failed),
            ("unfinished", k - acked - failed),
            ("p50_ms", f"{pct(0.50):.1f}"),
            ("p99_ms", f"{pct(0.99):.1f}"),
            ("max_ms", f"{lat[-1]:.1f}" if lat else "nan"),
            ("send_lag_p50_ms", f"{pct(0.50, lag):.1f}"),
            ("send_lag_p99_ms", f"{pct(0.99, lag):.1f}"),
            ("checked", checked),
            ("check_failed", check_failed),
            ("check_skipped", self.skipped),
        ]
        sys.stdout.write("".join(f"{n} {v}\n" for n, v in out))
        sys.stdout.flush()
        return 0 if acked else 1


def main():
    a = parse_args(sys.argv[1:])
    try:
        return Writer(a).run()
    except OSError as e:
        print(f"bench-writes.py: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
