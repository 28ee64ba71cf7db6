#!/usr/bin/env python3
"""Time of an entry save and of a KPI page rendered for staff, on the web bench's data set (bench/README.md, "Web: entry save and KPI page").

Usage: entry_bench.py prepare DB KPI_ID     adds a department editor and a viewer (password shinchoku-demo), an open
                                            cycle FY2026 and a 未着手 report of KPI_ID to the SQLite file DB
       entry_bench.py run BASE KPI_ID [N]   signs in, saves the report N times (default 30) and reads /indicators/KPI_ID
                                            N times as the viewer; prints the median and p90 of each, in ms
All traffic stays on 127.0.0.1. Only the standard library is used.
"""
import base64, hashlib, html, http.client, os, re, sqlite3, statistics, sys, time, urllib.parse, uuid

PASSWORD = "shinchoku-demo"


def identity_hash(password):
    # ASP.NET Core Identity's V3 format: PBKDF2-HMAC-SHA512, 100,000 iterations, 16-byte salt, 32-byte subkey.
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, 100_000, 32)
    blob = bytes([1]) + (2).to_bytes(4, "big") + (100_000).to_bytes(4, "big") + (16).to_bytes(4, "big") + salt + key
    return base64.b64encode(blob).decode()


def prepare(db, kpi):
    c = sqlite3.connect(db)
    department = c.execute("select DepartmentsId from IndicatorDepartments where IndicatorId = ?", (kpi,)).fetchone()
    department = department[0]
    plan = c.execute("select PlanId from ReportingCycles limit 1").fetchone()[0]
    roles = {}
    for name in ("DepartmentEditor", "Viewer"):
        row = c.execute("select Id from AspNetRoles where Name = ?", (name,)).fetchone()
        roles[name] = row[0] if row else str(uuid.uuid4())
        if not row:
            c.execute("insert into AspNetRoles (Id, Name, NormalizedName, ConcurrencyStamp) values (?, ?, ?, ?)",
                      (roles[name], name, name.upper(), str(uuid.uuid4())))
    for user, role, dept in (("bench-editor", "DepartmentEditor", department), ("bench-viewer", "Viewer", None)):
        if c.execute("select 1 from AspNetUsers where UserName = ?", (user,)).fetchone():
            continue
        uid = str(uuid.uuid4())
        c.execute("""insert into AspNetUsers (Id, DisplayName, DepartmentId, UserName, NormalizedUserName, EmailConfirmed, PasswordHash,
                     SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                     values (?, ?, ?, ?, ?, 1, ?, ?, ?, 0, 0, 0, 0)""",
                  (uid, user, dept, user, user.upper(), identity_hash(PASSWORD), str(uuid.uuid4()).replace("-", "").upper(), str(uuid.uuid4())))
        c.execute("insert into AspNetUserRoles (UserId, RoleId) values (?, ?)", (uid, roles[role]))
    cycle = c.execute("select Id from ReportingCycles where FiscalYear = 2026").fetchone()
    if cycle is None:
        c.execute("insert into ReportingCycles (PlanId, FiscalYear, Title, State) values (?, 2026, '2026年度 進捗状況', 'Draft')", (plan,))
        cycle = (c.execute("select last_insert_rowid()").fetchone()[0],)
    if not c.execute("select 1 from IndicatorReports where IndicatorId = ? and FiscalYear = 2026", (kpi,)).fetchone():
        c.execute("""insert into IndicatorReports (IndicatorId, FiscalYear, Actual_Text, Actual_Kind, Projection_Text, Projection_Kind,
                     ProjectionBasis, Status, MissedReason, Countermeasure, Challenges, Plan, QuestionToExperts, PrintedTrend, PrintedRating,
                     PrintedInterimReached, Version, State) values (?, 2026, '', 'Nothing', '', 'Nothing', '', '', '', '', '', '', '', '', '', '', 0, 'NotStarted')""", (kpi,))
    c.commit()
    print(f"cycle {cycle[0]}")


class Client:
    def __init__(self, base):
        u = urllib.parse.urlparse(base)
        self.conn = http.client.HTTPConnection(u.hostname, u.port)
        self.cookies = {}

    def request(self, method, path, form=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        self.conn.request(method, path, body, headers)
        r = self.conn.getresponse()
        data = r.read().decode("utf-8", "replace")
        elapsed = (time.perf_counter() - start) * 1000
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return r.status, r.getheader("Location"), data, elapsed

    def token(self, page):
        return html.unescape(re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1))

    def sign_in(self, user):
        _, _, page, _ = self.request("GET", "/account/login")
        status, _, _, _ = self.request("POST", "/account/login", {"userName": user, "password": PASSWORD, "__RequestVerificationToken": self.token(page)})
        assert status == 302, f"sign-in of {user}: {status}"


def summary(name, times):
    times = sorted(times)
    p90 = times[max(0, int(len(times) * 0.9) - 1)]
    print(f"{name}: median {statistics.median(times):.1f} ms, p90 {p90:.1f} ms, min {times[0]:.1f} ms (n={len(times)})")


def run(base, kpi, n):
    c = sqlite3.connect(os.environ["DB"]) if "DB" in os.environ else None
    editor = Client(base)
    editor.sign_in("bench-editor")
    cycle = int(os.environ.get("CYCLE", "0"))
    path = f"/entry/{cycle}/{kpi}"
    saves = []
    for i in range(n + 3):
        status, _, page, _ = editor.request("GET", path)
        assert status == 200, f"{path}: {status}"
        version = re.search(r'name="Form.Version" value="(\d+)"', page).group(1)
        form = {"Form.Version": version, "Form.Actual": f"{1000 + i:,}件（令和8年12月末現在）", "Form.Projection": f"約{2000 + i:,}件",
                "Form.ProjectionBasis": "過去3年の伸び", "Form.Status": "取組中", "Form.Plan": "継続",
                "__RequestVerificationToken": editor.token(page)}
        status, location, _, elapsed = editor.request("POST", path, form)
        assert status == 302, f"save {i}: {status}"
        if i >= 3:  # the first saves warm up (JIT)
            saves.append(elapsed)
    summary("entry save (POST /entry/…)", saves)
    viewer = Client(base)
    viewer.sign_in("bench-viewer")
    pages = []
    for i in range(n + 3):
        status, _, _, elapsed = viewer.request("GET", f"/indicators/{kpi}")
        assert status == 200, status
        if i >= 3:
            pages.append(elapsed)
    summary(f"KPI page /indicators/{kpi} (signed in: rendered every time)", pages)


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare(sys.argv[2], int(sys.argv[3]))
    else:
        run(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 30)
