// Refreshes the screenshots in docs/web/ that docs/web.md shows: the real executable with the
// example cases, in Debian's chromium, as each kind of user sees the main pages.
// Run: node tests/web/browser/screenshots.mjs   (after scripts/build.sh ehdocs)
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { Service, launchBrowser, newPage, signIn, users, root } from "./harness.mjs";

const out = join(root, "docs", "web");
mkdirSync(out, { recursive: true });

const shots = [
  { who: null, path: "/sign-in", file: "sign-in.png" },
  { who: "coach", path: "/cases", file: "cases-coach.png" },
  { who: "leader", path: "/cases/NH-FF-2026-0900", file: "case-blocked-leader.png", top: true },
  { who: "leader", path: "/cases/NH-FF-2026-0142#close", file: "case-ready-leader.png", top: true },
  { who: "coach", path: "/cases/NH-FF-2026-0900/closure", file: "closure-form.png" },
  { who: "sf", path: "/sf?as_of=2026-11-23", file: "sf.png" },
  { who: "sf", path: "/kpi?from=2026-01-01&to=2026-11-30", file: "kpi.png", top: true },
  { who: "admin", path: "/admin", file: "admin.png", top: true },
  { who: "coach", path: "/cases", file: "cases-320.png", width: 320 },
];

const service = await Service.start({ EHDOCS_WEB_AUTHORITY: "Example Borough Council" });
const browser = await launchBrowser();
try {
  for (const shot of shots) {
    const page = await newPage(browser, shot.width || 1024);
    // "top" shots show the first screenful (long pages), at a taller window.
    if (shot.top) await page.setViewport({ width: 1024, height: 1400 });
    if (shot.who) await signIn(page, service, users[shot.who]);
    await page.goto(`${service.address}${shot.path}`);
    await page.screenshot({ path: join(out, shot.file), fullPage: !shot.top });
    await page.browserContext().close();
    console.log(`docs/web/${shot.file}`);
  }
} finally {
  await browser.close();
  await service.stop();
}
