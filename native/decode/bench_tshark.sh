#!/usr/bin/env bash
# Whole-process comparison of `icmplab decode` with tshark on the same
# generated 100,000-packet capture (the one BenchmarkCapture decodes in
# codec/dissect). Prints wall-clock seconds per command, best of 3.
# Usage: native/decode/bench_tshark.sh   (from anywhere in the repository)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v tshark >/dev/null || { echo "needs tshark (apt-get install tshark)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pcap=$tmp/bench.pcapng
ICMPLAB_BENCH_PCAP=$pcap go test -count=1 -run TestWriteBenchCapture ./codec/dissect >/dev/null
go build -o "$tmp/icmplab" ./native

best() { # best wall time of 3 runs of "$@", output discarded
	local b=""
	for _ in 1 2 3; do
		local s e
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		e=$(date +%s.%N)
		b=$(echo "$s $e ${b:-1e9}" | awk '{d=$2-$1; print (d<$3)?d:$3}')
	done
	printf '%8.2f s  %s\n' "$b" "$*" | sed "s|$tmp/||g"
}

echo "capture: $(du -h "$pcap" | cut -f1), 100000 packets"
best "$tmp/icmplab" decode --format text "$pcap"
best "$tmp/icmplab" decode --format jsonl "$pcap"
best tshark -n -r "$pcap" -T fields -e frame.number -e ip.src -e ip.dst -e ipv6.src -e ipv6.dst \
	-e icmp.type -e icmp.code -e icmp.checksum.status -e icmp.ident -e icmp.seq \
	-e icmpv6.type -e icmpv6.code -e icmpv6.checksum.status
best tshark -n -r "$pcap"
