#!/usr/bin/env bash
# Whole-process comparison, in one run, of `icmplab decode` with tcpdump and
# tshark on one generated capture of everyday ICMP: pings (request and
# reply), a UDP traceroute (time exceeded from each hop quoting the probe,
# port unreachable from the target) and host unreachables quoting echoes
# (internal/hostile.Everyday, raw IP, 100,000 packets by default).
# Summaries (icmplab --format text, tcpdump -n -r, tshark -r): best of 3.
# Full trees (icmplab --format tree, tshark -V): best of 2, on the same file.
# Usage: native/decode/bench_everyday.sh [PACKETS]   (from anywhere in the repository)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-100000}
for t in tcpdump tshark; do
	command -v $t >/dev/null || { echo "needs $t (apt-get install $t)" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pcap=$tmp/everyday.pcap
go run ./internal/hostile/gen everyday "$n" >"$pcap"
go build -o "$tmp/icmplab" ./native

best() { # best wall time of $1 runs of the rest, output discarded
	local runs=$1 b=""
	shift
	for _ in $(seq "$runs"); do
		local s e
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		e=$(date +%s.%N)
		b=$(echo "$s $e ${b:-1e9}" | awk '{d=$2-$1; print (d<$3)?d:$3}')
	done
	printf '%8.2f s  %s\n' "$b" "$*" | sed "s|$tmp/||g"
}

echo "capture: $(du -h "$pcap" | cut -f1), $n packets of everyday ICMP"
best 3 "$tmp/icmplab" decode --format text "$pcap"
best 3 tcpdump -n -r "$pcap"
best 3 tshark -n -r "$pcap"
best 2 "$tmp/icmplab" decode --format tree "$pcap"
best 2 tshark -n -V -r "$pcap"
