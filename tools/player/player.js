// The demo player: signs in, lists the student's courses, and plays a lecture with hls.js through the signed URL the
// API issues, sending heartbeats while it plays so the server-verified progress moves. Errors are shown, not swallowed.
"use strict";

const api = "/api/v1";
const beatEveryMs = Number(new URLSearchParams(location.search).get("beat") || 5000);
const $ = (id) => document.getElementById(id);
const state = { token: sessionStorage.getItem("lh.token"), hls: null, course: null, lecture: null, beat: null };

/** An RFC 9457 problem from the API, kept whole so the page can say what went wrong. */
class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    Object.assign(this, { status, code: body?.code || `HTTP_${status}` });
  }
}

async function call(method, path, body) {
  const headers = { accept: "application/json" };
  if (state.token) headers.authorization = `Bearer ${state.token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Problem(response.status, json);
  return json;
}

function say(text, kind = "error") {
  const box = $("message");
  box.textContent = text;
  box.className = kind;
  box.hidden = !text;
}

/** Every failure lands here: a message a person can act on, and the sign-in form when the session is gone. */
function fail(error) {
  if (error instanceof Problem && error.status === 401) {
    signOut();
    say(`Your session has expired or is missing (${error.code}). Sign in again to keep watching.`);
    return;
  }
  const hints = {
    ENROLLMENT_REQUIRED: "You are not enrolled in this course.",
    VIDEO_NOT_READY: "This lecture's video is still being transcoded; try again in a minute.",
    CDN_CREDENTIALS_MISSING: "The stream was requested without playback credentials. Press play to get new ones.",
    CDN_CREDENTIALS_EXPIRED: "The playback credentials have expired. Press play to get new ones.",
    CDN_SIGNATURE_INVALID: "The playback credentials are not valid. Press play to get new ones.",
  };
  say(`${hints[error.code] || "Something went wrong."} ${error.message} (${error.code || "ERROR"})`);
}

function signOut() {
  stopPlayback();
  state.token = null;
  sessionStorage.removeItem("lh.token");
  for (const id of ["library", "course", "stage", "sign-out"]) $(id).hidden = true;
  $("who").textContent = "";
  $("sign-in").hidden = false;
}

async function signIn(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    const tokens = await call("POST", "/auth/login", { email: form.get("email"), password: form.get("password") });
    state.token = tokens.accessToken;
    sessionStorage.setItem("lh.token", state.token);
    say("");
    await showLibrary();
  } catch (error) {
    fail(error);
  }
}

async function showLibrary() {
  const [me, mine] = await Promise.all([call("GET", "/me"), call("GET", "/me/enrollments")]);
  $("who").textContent = me.displayName;
  $("sign-in").hidden = true;
  $("sign-out").hidden = false;
  $("library").hidden = false;
  const list = $("courses");
  list.replaceChildren(...mine.courses.filter((c) => c.status === "Active").map((c) => item(c.title, () => showCourse(c.courseId).catch(fail))));
  if (!list.children.length) say("You are not enrolled in any course yet.", "info");
}

function item(text, onClick, disabled = false) {
  const li = document.createElement("li");
  const button = Object.assign(document.createElement("button"), { className: "link", textContent: text, disabled });
  button.addEventListener("click", onClick);
  li.append(button);
  return li;
}

async function showCourse(courseId) {
  const course = await call("GET", `/courses/${courseId}`);
  state.course = course;
  $("course").hidden = false;
  $("course-title").textContent = course.title;
  state.lectures = course.curriculum.flatMap((s) => s.lectures);
  $("lectures").replaceChildren(...state.lectures.map((l) =>
    item(`${l.title} (${Math.round(l.durationSeconds / 60) || "<1"} min)`, () => play(l).catch(fail))));
  await refreshProgress();
}

async function refreshProgress() {
  if (!state.course) return;
  const progress = await call("GET", `/me/courses/${state.course.id}/progress`);
  state.progress = progress;
  const bar = $("progress");
  bar.textContent = `${progress.percent}%`;
  bar.dataset.covered = String(progress.coveredSeconds);
  $("progress-detail").textContent = `(${Math.round(progress.coveredSeconds)} s watched, ${progress.completedLectures}/${progress.lectures} lectures)`;
}

function stopPlayback() {
  clearInterval(state.beat);
  state.beat = null;
  state.hls?.destroy();
  state.hls = null;
}

async function play(lecture) {
  stopPlayback();
  const grant = await call("POST", `/lectures/${lecture.id}/playback`);
  say("");
  state.lecture = { id: lecture.id, session: grant.watchSessionId, seq: 0, from: null };
  $("stage").hidden = false;
  $("lecture-title").textContent = lecture.title;
  const video = $("video");
  if (!window.Hls) throw new Problem(0, { code: "PLAYER_NOT_INSTALLED", detail: "hls.min.js is missing: run npm ci in tools/player and build the API again." });
  if (!Hls.isSupported()) throw new Problem(0, { code: "HLS_UNSUPPORTED", detail: "This browser has no Media Source Extensions." });

  // Resume where the server says this student stopped, unless that is the end.
  const resume = state.progress?.curriculum.find((l) => l.lectureId === lecture.id)?.resumeAtSeconds ?? 0;
  const startPosition = resume < grant.durationSeconds - 3 ? resume : 0;
  // The signed URL: the CDN appends the same credentials to every URI in the playlists it serves.
  const hls = new Hls({ renderTextTracksNatively: true, startPosition });
  state.hls = hls;
  hls.on(Hls.Events.MANIFEST_PARSED, (_, data) => {
    $("quality").replaceChildren(new Option("Auto", "-1"), ...data.levels.map((l, i) => new Option(`${l.height}p`, String(i))));
    video.play().catch((error) => say(`Press play to start (${error.name}).`, "info"));
  });
  hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => { $("quality").dataset.playing = String(hls.levels[data.level].height); });
  hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, (_, data) => {
    $("subtitles").replaceChildren(new Option("Off", "-1"), ...data.subtitleTracks.map((t, i) => new Option(t.name || t.lang, String(i))));
    hls.subtitleTrack = -1;
  });
  hls.on(Hls.Events.ERROR, (_, data) => {
    if (data.fatal) explainStreamError(data).catch(fail);
  });
  hls.loadSource(grant.credentials.signedMasterUrl);
  hls.attachMedia(video);
  video.playbackRate = Number($("speed").value);
  state.beat = setInterval(() => heartbeat().catch(fail), beatEveryMs);
}

/** A fatal stream error: ask the CDN what it refused, so the page can say so instead of showing a dead player. */
async function explainStreamError(data) {
  stopPlayback();
  const url = data.url || data.context?.url || data.frag?.url;
  if (url && data.response?.code) {
    const response = await fetch(url);
    const body = await response.json().catch(() => null);
    throw new Problem(response.status, body);
  }
  throw new Problem(0, { code: data.details, detail: "The stream could not be played." });
}

/** The interval played since the last beat, sent every few seconds; a pause or a seek ends it. */
async function heartbeat() {
  const video = $("video");
  const lecture = state.lecture;
  if (!lecture?.session) return;
  if (lecture.from === null) {
    if (!video.paused) lecture.from = video.currentTime;
    return;
  }
  const from = lecture.from;
  const to = video.currentTime;
  lecture.from = video.paused ? null : to;
  await send(lecture, from, to);
}

async function send(lecture, from, to) {
  if (to - from < 0.5) return;
  await call("POST", `/lectures/${lecture.id}/progress`,
    { sessionId: lecture.session, seq: lecture.seq++, from, to, rate: $("video").playbackRate, position: to });
  const beats = $("beats");
  beats.dataset.sent = String(lecture.seq);
  beats.textContent = `heartbeats: ${lecture.seq}`;
  await refreshProgress();
}

function wireControls() {
  const video = $("video");
  $("sign-in").addEventListener("submit", signIn);
  $("sign-out").addEventListener("click", () => { signOut(); say("Signed out.", "info"); });
  $("quality").addEventListener("change", (e) => { if (state.hls) state.hls.currentLevel = Number(e.target.value); });
  $("speed").addEventListener("change", (e) => { video.playbackRate = Number(e.target.value); });
  $("subtitles").addEventListener("change", (e) => { if (state.hls) state.hls.subtitleTrack = Number(e.target.value); });
  // A seek sends what was played before it at once, and the next interval starts where playback lands.
  video.addEventListener("timeupdate", () => { if (state.lecture && !video.seeking) state.lecture.last = video.currentTime; });
  video.addEventListener("seeking", () => {
    const lecture = state.lecture;
    if (lecture?.from == null) return;
    const from = lecture.from;
    lecture.from = null;
    send(lecture, from, lecture.last ?? from).catch(fail);
  });
  video.addEventListener("playing", () => { if (state.lecture && state.lecture.from === null) state.lecture.from = video.currentTime; });
}

wireControls();
if (state.token) showLibrary().catch(fail); else signOut();
