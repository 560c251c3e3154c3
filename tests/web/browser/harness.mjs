// Runs the real ehdocs executable on a free port with a fresh database, demo users (random
// passwords) and the example cases, and drives Debian's chromium headless through
// puppeteer-core. Nothing here downloads a browser or reaches beyond 127.0.0.1.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import puppeteer from "puppeteer-core";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const binary = process.env.EHDOCS_BINARY || join(root, "build", "ehdocs");
const chromium = process.env.EHDOCS_CHROMIUM || "/usr/bin/chromium";

export const users = {
  // Linked to w1, the lead worker of the South cases: her caseload starts at the cases she leads.
  coach: { name: "coach.south", role: "coach", team: "South", worker: "w1" },
  leader: { name: "leader.south", role: "team_leader", team: "South" },
  north: { name: "coach.north", role: "coach", team: "North Locality" },
  sf: { name: "sf.coordinator", role: "sf_coordinator" },
  admin: { name: "admin", role: "admin" },
};

// The example cases, and a copy of the open Nowak case moved to team South (so that team South
// has one case ready to close and one that is blocked).
function fixtureCases() {
  const read = (name) => readFileSync(join(root, "examples", name), "utf8");
  const blocked = JSON.parse(read("nowak-open.json"));
  blocked.case_id = "NH-FF-2026-0900";
  blocked.service.team = "South";
  return [
    read("okafor-ready-to-close.json"),
    read("bennett-disengaged.json"),
    read("hughes-stepped-up.json"),
    read("nowak-open.json"),
    JSON.stringify(blocked),
  ];
}

for (const [what, path] of [["the web assets", join(root, "web", "dist", "app.css")], ["chromium", chromium], ["ehdocs", binary]]) {
  if (!existsSync(path)) throw new Error(`${path} is missing (${what}): run scripts/setup.sh and scripts/build.sh`);
}

export class Service {
  // settings: extra EHDOCS_* environment variables for the server.
  static async start(settings = {}) {
    const service = new Service();
    service.data = mkdtempSync(join(tmpdir(), "ehdocs-web-"));
    for (const user of Object.values(users)) {
      user.password = randomBytes(12).toString("base64url");
      const args = ["user", "add", user.name, "--role", user.role, "--data", service.data, "--password-stdin"];
      if (user.team) args.push("--team", user.team);
      if (user.worker) args.push("--worker", user.worker);
      const out = execFileSync(binary, args, { input: user.password + "\n" }).toString().trim().split("\n");
      user.token = out[out.length - 1];
    }
    const env = {
      ...process.env,
      EHDOCS_WEB_PLAIN_HTTP: "true",
      EHDOCS_WEB_ASSETS_DIR: join(root, "web", "dist"),
      EHDOCS_WEB_AUTHORITY: "Example Borough Council",
      EHDOCS_PDF_POOL_SIZE: "1",
      ...settings,
    };
    service.process = spawn(binary, ["serve", "--port", "0", "--data", service.data], { env, stdio: ["ignore", "pipe", "pipe"] });
    service.log = "";
    service.address = await new Promise((resolve, reject) => {
      const onData = (chunk) => {
        service.log += chunk.toString();
        const found = service.log.match(/listening on (http:\/\/[0-9.]+:[0-9]+)/);
        if (found) resolve(found[1]);
      };
      service.process.stdout.on("data", onData);
      service.process.stderr.on("data", (c) => (service.log += c.toString()));
      service.process.on("exit", (code) => reject(new Error(`ehdocs serve exited ${code}: ${service.log}`)));
    });
    for (const body of fixtureCases()) {
      const response = await fetch(`${service.address}/api/v1/cases`, {
        method: "POST",
        headers: { Authorization: `Bearer ${users.admin.token}`, "Content-Type": "application/json" },
        body,
      });
      if (response.status !== 201) throw new Error(`loading a case: HTTP ${response.status} ${await response.text()}`);
    }
    return service;
  }

  async stop() {
    if (this.process.exitCode === null) {
      const exited = new Promise((resolve) => this.process.once("exit", resolve));
      this.process.kill("SIGTERM");
      await exited;
    }
    rmSync(this.data, { recursive: true, force: true });
  }
}

export async function launchBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), "ehdocs-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return browser;
}

// A new page (its own cookies) that records console errors and CSP violations.
export async function newPage(browser, width = 1024) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height: 900 });
  page.problems = [];
  page.on("console", (m) => { if (m.type() === "error") page.problems.push(m.text()); });
  page.on("pageerror", (e) => page.problems.push(String(e)));
  return page;
}

export async function signIn(page, service, user) {
  await page.goto(`${service.address}/sign-in`);
  await page.type("#username", user.name);
  await page.type("#password", user.password);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
}

const axeSource = readFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");

// axe-core's WCAG 2.x A and AA rules over the page as it is; returns the violations.
export async function axe(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

export async function text(page, selector) {
  return page.$eval(selector, (el) => el.textContent.replace(/\s+/g, " ").trim());
}
