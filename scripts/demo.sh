#!/usr/bin/env bash
# A guided tour of the main journeys against a running API seeded by `migrate --demo-data` (run.sh does both): each
# step prints its request and the part of the answer that matters, and the tour stops non-zero at the first step that
# does not behave, so test.sh runs it as a smoke test of the whole product.
# A new student signs up for each tour, so it can run again and again. Needs curl, jq and ffprobe.
# LH_API_URL (default http://127.0.0.1:5080), LH_PG_SIM_URL (default :55090), LH_MAILDEV_WEB_PORT (51080),
# LH_TOUR_WAIT_SECONDS (300): how long to wait for the demo video's background transcode on a first run.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
for tool in curl jq ffprobe; do command -v "$tool" >/dev/null || lh_die "the tour needs $tool"; done

api="$LH_API_URL/api/v1"
sim="${LH_PG_SIM_URL:-http://127.0.0.1:$LH_PG_SIM_PORT}"
inbox="http://127.0.0.1:$LH_MAILDEV_WEB_PORT"
wait_seconds="${LH_TOUR_WAIT_SECONDS:-300}"
paid_course="특수용접기능사 실기: TIG 용접 기초부터"
coupon="WELD-DEMO-20"
n=0

step() { n=$((n + 1)); printf '\n\033[1m%d. %s\033[0m\n' "$n" "$*"; }
show() { printf '   \033[2m%s\033[0m\n' "$*"; }
fail() { printf '\033[1;31m   tour failed at step %d: %s\033[0m\n' "$n" "$*" >&2; exit 1; }
# call METHOD PATH [JSON [IDEMPOTENCY-KEY]]: prints the request, sets $status and $body; Authorization from $token when set.
call() {
  local method="$1" url="$2" data="${3:-}" args=(-s -o /tmp/lh-tour.$$ -w '%{http_code}' -X "$1")
  [ -n "${4:-}" ] && args+=(-H "idempotency-key: $4")
  [[ "$url" == http* ]] || url="$api$url"
  [ -n "${token:-}" ] && args+=(-H "authorization: Bearer $token")
  [ -n "$data" ] && args+=(-H 'content-type: application/json' -d "$data")
  local shown="${url#"$LH_API_URL"}"; [ ${#shown} -le 120 ] || shown="${shown:0:120}…"
  show "$method $shown"
  status=$(curl "${args[@]}" "$url") || fail "$method $url did not answer"
  body=$(cat /tmp/lh-tour.$$); rm -f /tmp/lh-tour.$$
}
expect() { [ "$status" = "$1" ] || fail "expected HTTP $1, got $status: $(jq -c '{code, detail}' <<<"$body" 2>/dev/null || echo "$body")"; }
pick() { jq -r "$1" <<<"$body"; }

step "The API is up"
call GET "$LH_API_URL/health/ready"; expect 200

step "A new student reads the terms, signs up agreeing to them, and signs in"
call GET /terms; expect 200
terms=$(jq -c '{service: .service.version, privacy: .privacy.version}' <<<"$body"); show "terms in force: $terms"
email="tour-$(date +%s)-$RANDOM@lecturehub.dev" password="Tour-pass-2026"
call POST /auth/register "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"투어학생\",\"terms\":$terms}"; expect 201
call POST /auth/login "{\"email\":\"$email\",\"password\":\"$password\"}"; expect 200
token=$(pick .accessToken); show "signed in as $email"

step "Search in Korean: 용접 (two syllables match inside words)"
call GET "/courses?q=%EC%9A%A9%EC%A0%91"; expect 200
pick '.items[] | "   " + .title + " · " + (.priceKrw | tostring) + " KRW"'
course=$(jq -r --arg t "$paid_course" '.items[] | select(.title == $t) | .id' <<<"$body")
[ -n "$course" ] || fail "the search did not find \"$paid_course\": is this database seeded with migrate --demo-data?"

step "The course page"
call GET "/courses/$course"; expect 200
show "$(pick '"\(.title) by \(.instructor.displayName), \(.priceKrw) KRW, \(.curriculum | length) sections, \(.lectureCount) lectures, rated \(.stats.ratingAverage // "-") by \(.stats.ratingCount)"')"
lecture=$(pick '.curriculum[0].lectures[0].id')
show "first lecture: $(pick '.curriculum[0].lectures[0].title') ($lecture)"

step "Buy it with the instructor's coupon $coupon, paying in the PG simulator"
call POST /orders "{\"courseIds\":[\"$course\"],\"couponCode\":\"$coupon\"}"; expect 201
order=$(pick .id) amount=$(pick .amountKrw)
show "order $order for $amount KRW (20% off)"
call POST "$sim/sim/checkout" "{\"orderId\":\"$order\",\"amount\":$amount}"; expect 200
key=$(pick .paymentKey); show "the simulator's widget returned paymentKey $key"
call POST "/orders/$order/confirm" "{\"paymentKey\":\"$key\",\"amount\":$amount}"; expect 200
[ "$(pick .status)" = Paid ] || fail "the order is $(pick .status), not Paid"
show "order Paid; the enrolment came with it in the same transaction"

step "Playback: signed credentials for the lecture's HLS stream"
deadline=$((SECONDS + wait_seconds))
while :; do
  call POST "/lectures/$lecture/playback"
  [ "$status" = 409 ] && [ "$(pick .code)" = VIDEO_NOT_READY ] && [ $SECONDS -lt $deadline ] || break
  show "the demo video is still transcoding in the background; waiting (up to ${wait_seconds}s in all)"; sleep 5
done
expect 200
signed=$(pick .credentials.signedMasterUrl) session=$(pick .watchSessionId)
show "signed master URL: ${signed:0:110}…"
show "expires $(pick .credentials.expiresAt); watch session ${session:0:24}…"

step "ffprobe reads the stream through the signed URL"
streams=$(ffprobe -v error -show_entries stream=codec_type,codec_name,width,height -of csv=p=0 "$signed" | grep . | sort -u) \
  || fail "ffprobe could not read $signed"
sed 's/^/   /' <<<"$streams"
[ "$(grep -c ',video,' <<<"$streams")" -ge 2 ] || fail "expected at least two video renditions"
token='' call GET "${signed%%\?*}"; expect 403; show "without the signature the CDN refuses: $(pick .code)"

step "Heartbeats while watching (the server checks each against the time that passed)"
for seq in 0 1; do
  sleep 3
  call POST "/lectures/$lecture/progress" \
    "{\"sessionId\":\"$session\",\"seq\":$seq,\"from\":$((seq * 3)),\"to\":$((seq * 3 + 3)),\"rate\":1,\"position\":$((seq * 3 + 3))}"
  expect 202
done
call POST "/lectures/$lecture/progress" "{\"sessionId\":\"$session\",\"seq\":2,\"from\":6,\"to\":60,\"rate\":1,\"position\":60}"
expect 422; show "claiming 54 s after 0 s: $(pick .code)"

step "Progress, as the server verified it"
for _ in $(seq 60); do  # the flusher writes heartbeats every second; a busy machine gets a minute
  call GET "/me/courses/$course/progress"; expect 200
  covered=$(jq -r --arg l "$lecture" '.curriculum[] | select(.lectureId == $l) | .coveredSeconds' <<<"$body")
  awk "BEGIN { exit !($covered >= 6) }" && break
  sleep 1
done
awk "BEGIN { exit !($covered >= 6) }" || fail "the lecture shows ${covered}s watched, not 6"
show "lecture watched ${covered}s; course $(pick .percent)% (resume at $(pick '.resume.positionSeconds // "-"')s)"

step "The refund quote: the order's frozen policy against that progress"
call GET /me/enrollments; expect 200
enrollment=$(jq -r --arg c "$course" '.courses[] | select(.courseId == $c) | .enrollmentId' <<<"$body")
call GET "/enrollments/$enrollment/refund-quote"; expect 200
show "$(pick '"paid \(.paidKrw) KRW, progress \(.progressPercent)%, refund \(.amountKrw) KRW (\(.rule))"')"
[ "$(pick .amountKrw)" = "$amount" ] || fail "a barely-watched course refunds in full"

step "Apply to the recruiting cohort (first come, with a form and terms)"
call GET "/cohorts?courseId=$course"; expect 200
cohort=$(pick '[.items[] | select(.selection == "FirstCome")][0].id')
[ "$cohort" != null ] || fail "no first-come cohort is recruiting for the course"
call GET "/cohorts/$cohort"; expect 200
answers=$(pick '[.form.questions[] | select(.required) | {key, values: [(.options[0] // "현장 경험을 쌓고 싶습니다")]}]')
terms=$(pick '[.terms[] | {code, version}]')
show "$(pick '"\(.title): \(.seats.taken)/\(.seats.capacity) seats, \(.form.questions | length) questions, \(.terms | length) terms"')"
call POST "/cohorts/$cohort/applications" "{\"answers\":$answers,\"acceptedTerms\":$terms}" "tour-$RANDOM$RANDOM"; expect 201
show "application $(pick .status)"

step "The email it sent, in maildev ($inbox)"
for _ in $(seq 60); do  # the outbox relay sends it within seconds; a busy machine gets a minute
  subject=$(curl -fs "$inbox/api/email" | jq -r --arg to "$email" '[.[] | select(any(.to[]; .address == $to))][0].subject // empty') || fail "maildev did not answer at $inbox"
  [ -n "$subject" ] && break
  sleep 1
done
[ -n "$subject" ] || fail "no email reached $email in maildev within a minute"
show "to $email: \"$subject\""

printf '\n\033[1;32mThe tour passed: %d steps.\033[0m\n' "$n"
