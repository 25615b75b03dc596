// The demo player page in a real browser: Debian's headless Chromium driven by playwright-core, against a running API
// seeded by `migrate --demo-data` whose demo videos have finished transcoding (test.sh runs it after the tour).
// LH_API_URL (default http://127.0.0.1:5080), LH_CHROMIUM (default /usr/bin/chromium), LH_SCREENSHOT (a PNG path).
// Generous waits: CI shares two cores with everything else, and nothing here is a timing claim.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const base = process.env.LH_API_URL ?? "http://127.0.0.1:5080";
const freeCourse = "전기기능사 입문: 안전과 기초 회로"; // its first lecture has a video with a Korean subtitle track
const wait = { timeout: 120_000 };
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.LH_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--autoplay-policy=no-user-gesture-required", "--no-sandbox", "--mute-audio"],
  });
});

after(() => browser?.close());

async function json(method, path, body, token) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}/api/v1${path}`, { method, headers, body: body && JSON.stringify(body) });
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return response.status === 204 ? null : response.json();
}

/** A new student enrolled in the free video course, so every run starts from no progress. */
async function newStudent() {
  const email = `browser-${Date.now()}-${Math.floor(Math.random() * 1e6)}@lecturehub.dev`;
  const password = "Browser-pass-2026";
  const terms = await json("GET", "/terms");
  await json("POST", "/auth/register", { email, password, displayName: "브라우저학생", terms: { service: terms.service.version, privacy: terms.privacy.version } });
  const { accessToken } = await json("POST", "/auth/login", { email, password });
  const found = await json("GET", `/courses?q=${encodeURIComponent("전기기능사")}`);
  const course = found.items.find((c) => c.title === freeCourse);
  assert.ok(course, `the demo course "${freeCourse}" is not in the catalogue: seed with migrate --demo-data`);
  await json("POST", `/courses/${course.id}/enrollment`, undefined, accessToken);
  return { email, password };
}

async function openSignedIn(student, beatMs = 2000) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${base}/demo/?beat=${beatMs}`);
  await page.fill("input[name=email]", student.email);
  await page.fill("input[name=password]", student.password);
  await page.click("#sign-in button[type=submit]");
  await page.getByRole("button", { name: freeCourse }).click();
  await page.waitForSelector("#lectures li");
  return { page, errors };
}

const covered = (page) => page.getAttribute("#progress", "data-covered").then(Number);

test("plays a lecture past 5 s in two renditions with Korean subtitles, and the course progress grows", async () => {
  const { page, errors } = await openSignedIn(await newStudent());
  assert.equal(await covered(page), 0);

  await page.locator("#lectures button").first().click();
  await page.waitForFunction(() => document.getElementById("video").currentTime > 5, null, wait);

  const qualities = await page.$$eval("#quality option", (options) => options.map((o) => o.textContent));
  assert.ok(qualities.filter((q) => q.endsWith("p")).length >= 2, `renditions offered: ${qualities}`);
  await page.selectOption("#quality", { label: "360p" });
  await page.waitForFunction(() => document.getElementById("quality").dataset.playing === "360", null, wait);

  await page.waitForFunction(() => document.querySelectorAll("#subtitles option").length > 1, null, wait);
  await page.selectOption("#subtitles", { label: "한국어" });
  const cue = await page.waitForFunction(() => {
    const track = [...document.getElementById("video").textTracks].find((t) => t.mode === "showing");
    return track?.activeCues?.length ? track.activeCues[0].text : null;
  }, null, wait);
  assert.match(await cue.jsonValue(), /[가-힣]/);

  await page.selectOption("#speed", "1.5");
  assert.equal(await page.$eval("#video", (v) => v.playbackRate), 1.5);

  await page.waitForFunction(() => Number(document.getElementById("progress").dataset.covered) >= 4, null, wait);
  assert.ok(Number(await page.getAttribute("#beats", "data-sent")) >= 1);
  if (process.env.LH_SCREENSHOT) await page.screenshot({ path: process.env.LH_SCREENSHOT });
  assert.deepEqual(errors, []);
});

test("a missing or expired sign-in shows the sign-in form with a message, not a blank player", async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => sessionStorage.setItem("lh.token", "expired.or.forged"));
  await page.goto(`${base}/demo/`);
  await page.waitForSelector("#message:not([hidden])", wait);
  assert.match(await page.textContent("#message"), /session has expired or is missing/);
  assert.ok(await page.isVisible("#sign-in"));
});

for (const [name, tamper, code] of [
  ["missing", (grant) => grant.credentials.masterUrl, "CDN_CREDENTIALS_MISSING"],
  ["forged", (grant) => grant.credentials.signedMasterUrl.replace(/Signature=[^&]{8}/, "Signature=AAAAAAAA"), "CDN_SIGNATURE_INVALID"],
]) {
  test(`${name} playback credentials say what the CDN refused`, async () => {
    const { page } = await openSignedIn(await newStudent());
    await page.route("**/playback", async (route) => {
      const response = await route.fetch();
      const grant = await response.json();
      grant.credentials.signedMasterUrl = tamper(grant);
      // Without the signed cookies too, which the real answer sets (route.fetch stores them in the context's jar).
      await page.context().clearCookies();
      const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name !== "set-cookie"));
      await route.fulfill({ response, headers, json: grant });
    });
    await page.locator("#lectures button").first().click();
    await page.waitForSelector("#message:not([hidden])", wait);
    assert.match(await page.textContent("#message"), new RegExp(code));
  });
}
