// The web app in Debian's chromium, headless, against the real executable (docs/web.md,
// "Tests"). One service and one browser for the whole file, to keep CI lean; each test signs
// in with its own browser context (its own cookies).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Service, launchBrowser, newPage, signIn, users, axe, text } from "./harness.mjs";

let service, browser;
const READY = "NH-FF-2026-0142"; // team South, ready to close
const BLOCKED = "NH-FF-2026-0900"; // team South, twelve things block closure
const NORTH = "EHFW-2026-0877"; // team North Locality

before(async () => {
  service = await Service.start();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

async function caseIds(page) {
  await page.goto(`${service.address}/cases`);
  return page.$$eval("#caseload tbody tr", (rows) => rows.map((r) => r.dataset.case).sort());
}

async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

// Presses Tab until the element matching `selector` has the focus (as a keyboard user would
// reach it); fails when it is not reachable.
async function tabTo(page, selector) {
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  assert.fail(`${selector} cannot be reached with the Tab key`);
}

async function noViolations(page, what, status = 200) {
  // The browser reports an error page's own status on the console; nothing else may be there.
  page.problems = page.problems.filter((p) => !p.includes(`status of ${status} `));
  const violations = await axe(page);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`);
  assert.deepEqual(page.problems, [], `${what}: console errors`);
}

test("each role signs in and sees exactly its cases", async () => {
  const expected = {
    coach: [READY, BLOCKED],
    leader: [READY, BLOCKED],
    north: [NORTH],
    admin: ["BAR-EH-2026-0311", "DOR-LEH-2026-1207", NORTH, READY, BLOCKED].sort(),
  };
  for (const [who, ids] of Object.entries(expected)) {
    const page = await newPage(browser);
    await signIn(page, service, users[who]);
    assert.deepEqual(await caseIds(page), ids, who);
    await page.browserContext().close();
  }
  // Another team's case is refused, as the API refuses it.
  const page = await newPage(browser);
  await signIn(page, service, users.coach);
  const response = await page.goto(`${service.address}/cases/${NORTH}`);
  assert.equal(response.status(), 403);
  assert.match(await text(page, "h1"), /You cannot do this/);
  await page.browserContext().close();
});

test("a wrong password is refused and the page says so", async () => {
  const page = await newPage(browser);
  await signIn(page, service, { name: users.coach.name, password: "not the password" });
  assert.match(page.url(), /\/sign-in$/);
  assert.match(await text(page, ".govuk-error-summary"), /The user name or password is not right/);
  await page.browserContext().close();
});

test("a coach issues a letter and cannot close", async () => {
  const page = await newPage(browser);
  await signIn(page, service, users.coach);
  // Finding the case: part of the family's name in the search box.
  await page.type("#q", "okafor");
  await submit(page, ".app-filters button[type=submit]");
  assert.deepEqual(await page.$$eval("#caseload tbody tr", (rows) => rows.map((r) => r.dataset.case)), [READY]);
  await submit(page, `#caseload a[href="/cases/${READY}"]`);
  assert.equal(await page.$("#close-case"), null, "no close button for a coach");
  await submit(page, 'tr[data-type="closure_letter"] button[type=submit]');
  assert.match(await text(page, ".govuk-notification-banner"), /The document was issued/);
  const link = await page.$eval("#issued-documents a", (a) => ({ href: a.href, text: a.textContent }));
  assert.match(link.text, /Closure letter \(PDF\)/);
  const pdf = await page.evaluate(async (href) => {
    const r = await fetch(href);
    const bytes = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, type: r.headers.get("content-type"), start: String.fromCharCode(...bytes.slice(0, 5)) };
  }, link.href);
  assert.deepEqual(pdf, { status: 200, type: "application/pdf", start: "%PDF-" });
  // A forged close (the coach's own session, the page's token) is still refused by the role.
  const csrf = await page.$eval("input[name=csrf]", (i) => i.value);
  const status = await page.evaluate(async (id, token) => {
    const r = await fetch(`/cases/${id}/close`, { method: "POST", body: new URLSearchParams({ csrf: token }) });
    return r.status;
  }, READY, csrf);
  assert.equal(status, 403);
  await page.browserContext().close();
});

test("a team leader is shown why a case is blocked, closes a ready one and reopens it", async () => {
  const page = await newPage(browser);
  await signIn(page, service, users.leader);
  await page.goto(`${service.address}/cases/${BLOCKED}`);
  assert.match(await text(page, "#close-blocked"), /cannot be closed yet: 12 things block it/);
  const first = await text(page, "#blocking-findings li");
  assert.match(first, /Rule assessment\.completed · source 000: 10\.4/);
  assert.equal(await page.$("#close-case"), null);

  // With the keyboard alone: Tab to the button, Enter.
  await page.goto(`${service.address}/cases/${READY}`);
  await tabTo(page, "#close-case");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.match(await text(page, ".govuk-notification-banner"), /The case is closed/);
  assert.equal(await text(page, "#case-status"), "Closed");
  assert.match(await text(page, "#closed-notice"), /read-only/);
  assert.equal(await page.$('tr[data-type] button[type=submit]'), null, "nothing to issue on a closed case");
  await noViolations(page, "closed case");

  await tabTo(page, "#reopen-reason");
  await page.keyboard.type("The school raised a new concern about attendance.");
  await page.keyboard.press("Tab");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.match(await text(page, ".govuk-notification-banner"), /open again/);
  assert.equal(await text(page, "#case-status"), "Open");
  await page.browserContext().close();
});

test("a stale closure form is refused and keeps what was typed", async () => {
  const context = await browser.createBrowserContext();
  const first = await context.newPage();
  await first.setViewport({ width: 1024, height: 900 });
  await signIn(first, service, users.coach);
  await first.goto(`${service.address}/cases/${BLOCKED}/closure`);
  const second = await context.newPage();
  await second.goto(`${service.address}/cases/${BLOCKED}/closure`);
  await second.type("#date", "2026-12-01");
  await second.select("#reason", "goals_achieved");
  await second.type("#work_undertaken", "Home visits every week.");
  await submit(second, "#save-closure");
  assert.match(await text(second, ".govuk-notification-banner"), /closure record was saved/);

  await first.bringToFront();
  await first.type("#work_undertaken", "Something typed on the older form.");
  const [response] = await Promise.all([first.waitForNavigation(), first.click("#save-closure")]);
  assert.equal(response.status(), 412);
  assert.match(await text(first, "#stale-summary"), /Someone else saved this case .* Nothing was saved/);
  assert.equal(await first.$eval("#work_undertaken", (t) => t.value), "Something typed on the older form.");
  await context.close();
});

test("an uploaded case file with mistakes lists each by where it is, in words", async () => {
  const page = await newPage(browser);
  await signIn(page, service, users.coach);
  await page.goto(`${service.address}/cases/new`);
  const dir = mkdtempSync(join(tmpdir(), "ehdocs-upload-"));
  const file = join(dir, "bad.json");
  writeFileSync(file, JSON.stringify({ format: "ehdocs.case/1", case_id: "NEW-1", status: "open",
    service: { team: "South" }, family: { members: [{ id: "c1", kind: "child", first_name: "Ada", relationship: "daughter", dob: "2020-02-30" }] },
    workers: [], referral: { received: "2026-01-05T09:00", route: "school", reasons: ["x"] } }));
  const input = await page.$("#case_file");
  await input.uploadFile(file);
  const [response] = await Promise.all([page.waitForNavigation(), page.click("#upload")]);
  assert.equal(response.status(), 422);
  const summary = await text(page, "#error-summary");
  assert.match(summary, /Family, member 1, date of birth: "2020-02-30" is not a real date/);
  assert.match(summary, /Referral, route: unknown value "school"/);
  await noViolations(page, "upload errors", 422);
  await page.browserContext().close();
});

test("a forged form post without the CSRF token is refused and audited", async () => {
  const page = await newPage(browser);
  await signIn(page, service, users.leader);
  await page.goto(`${service.address}/cases/${BLOCKED}`);
  const status = await page.evaluate(async (id) => {
    const r = await fetch(`/cases/${id}/closure`, { method: "POST", body: new URLSearchParams({ version: "1", work_undertaken: "forged" }) });
    return r.status;
  }, BLOCKED);
  assert.equal(status, 403);
  const audit = await fetch(`${service.address}/api/v1/audit?case=${BLOCKED}`, {
    headers: { Authorization: `Bearer ${users.admin.token}` },
  }).then((r) => r.json());
  assert.ok(audit.entries.some((e) => e.outcome === "csrf_refused" && e.user === users.leader.name));
  await page.browserContext().close();
});

test("a session that has ended sends the next page and the next form back to sign-in", async () => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await signIn(page, service, users.leader);
  await page.goto(`${service.address}/cases/${BLOCKED}/closure`);
  // The session ends elsewhere (signed out in another tab); the open form is now stale.
  const other = await context.newPage();
  await other.setViewport({ width: 1024, height: 900 });
  await other.goto(`${service.address}/cases`);
  await submit(other, ".app-sign-out button");
  await page.bringToFront();
  await page.type("#work_undertaken", "Typed after the session ended.");
  await submit(page, "#save-closure");
  assert.match(page.url(), /\/sign-in\?expired=1$/);
  assert.match(await text(page, ".govuk-error-summary"), /Your session ended, so nothing was saved/);
  await page.goto(`${service.address}/cases/${READY}`);
  assert.match(page.url(), /\/sign-in\?next=/);
  await context.close();
});

test("signing in works with the keyboard alone", async () => {
  const page = await newPage(browser);
  await page.goto(`${service.address}/sign-in`);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Skip to main content");
  await page.focus("#username");
  await page.keyboard.type(users.admin.name);
  await page.keyboard.press("Tab");
  await page.keyboard.type(users.admin.password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.match(page.url(), /\/cases$/);
  await page.browserContext().close();
});

test("a Supporting Families coordinator sees the programme and KPIs, and no case pages", async () => {
  const page = await newPage(browser);
  await signIn(page, service, users.sf);
  assert.match(page.url(), /\/sf$/, "signing in lands on the programme");
  const families = await page.$$eval("#sf-families tbody tr", (rows) => rows.map((r) => r.dataset.case).sort());
  assert.deepEqual(families, ["DOR-LEH-2026-1207", READY, BLOCKED].sort());
  const nav = await page.$$eval(".govuk-service-navigation__list a", (a) => a.map((x) => x.textContent.trim()));
  assert.deepEqual(nav, ["Supporting Families", "Performance"]);
  await page.goto(`${service.address}/sf/${READY}?as_of=2026-11-23`);
  assert.match(await text(page, "h1"), /Evidence pack: The Okafor family/);
  await page.goto(`${service.address}/kpi?from=2026-01-01&to=2026-11-30`);
  assert.match(await text(page, "#kpi-rows"), /Requests received/);
  assert.ok(await page.$("svg.app-chart"));
  const workbook = await page.evaluate(async () => {
    const r = await fetch(document.querySelector("a[href^='/kpi.xlsx']").href);
    const bytes = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, zip: bytes[0] === 0x50 && bytes[1] === 0x4b };
  });
  assert.deepEqual(workbook, { status: 200, zip: true });
  const response = await page.goto(`${service.address}/admin`);
  assert.equal(response.status(), 403);
  await page.browserContext().close();
});

test("a coach cannot open the programme pages or admin", async () => {
  const page = await newPage(browser);
  await signIn(page, service, users.coach);
  for (const path of ["/sf", "/kpi", "/admin", "/sf.xlsx"]) {
    const response = await page.goto(`${service.address}${path}`);
    assert.equal(response.status(), 403, path);
  }
  await page.browserContext().close();
});

test("an admin adds a user who then signs in, and disables them", async () => {
  const page = await newPage(browser);
  await signIn(page, service, users.admin);
  await page.goto(`${service.address}/admin`);
  await page.type("#new-name", "coach.east");
  await page.select("#new-role", "coach");
  await page.type("#new-team", "East Locality");
  await page.type("#new-password", "a new password for east");
  await submit(page, "#add-user-button");
  assert.match(await text(page, ".govuk-notification-banner"), /The user was added/);
  const east = await newPage(browser);
  await signIn(east, service, { name: "coach.east", password: "a new password for east" });
  assert.deepEqual(await caseIds(east), ["DOR-LEH-2026-1207"]);
  assert.doesNotMatch(await text(east, "main"), /Cases you lead/);
  // Linked to the worker id that leads the Nowak case, their caseload starts at their own.
  await page.type('[id="worker-coach.east"]', "w1");
  await submit(page, 'tr[data-user="coach.east"] form[action$="/worker"] button');
  assert.match(await text(page, ".govuk-notification-banner"), /worker id was saved/);
  await east.goto(`${service.address}/cases`);
  assert.match(await text(east, "main"), /Cases you lead/);
  assert.deepEqual(await caseIds(east), ["DOR-LEH-2026-1207"]);
  await submit(page, 'tr[data-user="coach.east"] form[action$="/disable"] button');
  assert.match(await text(page, ".govuk-notification-banner"), /disabled and signed out/);
  await east.goto(`${service.address}/cases`);
  assert.match(east.url(), /\/sign-in/);
  await page.goto(`${service.address}/admin?user=coach.east#audit`);
  assert.match(await text(page, "#audit-entries"), /sign_in/);
  await east.browserContext().close();
  await page.browserContext().close();
});

test("every page passes axe-core and fits 320 px", async () => {
  const pages = {
    admin: ["/cases", `/cases/${BLOCKED}`, `/cases/${BLOCKED}/closure`, "/cases/new", `/cases/${READY}/file`,
      "/sf", `/sf/${READY}`, "/kpi", "/admin", "/no-such-page"],
  };
  for (const width of [1024, 320]) {
    const page = await newPage(browser, width);
    await page.goto(`${service.address}/sign-in`);
    await noViolations(page, `sign-in at ${width}`);
    await signIn(page, service, users.admin);
    for (const path of pages.admin) {
      const response = await page.goto(`${service.address}${path}`);
      await noViolations(page, `${path} at ${width}`, response.status());
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than ${width}px`);
    }
    await page.browserContext().close();
  }
});
