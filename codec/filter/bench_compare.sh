#!/bin/sh
# bench_compare.sh [OLD] — BenchmarkFilterMixed side by side: the test
# binaries of commit OLD (default f25cb94, before the quick path read
# frames the capture cut short, headers whose version the link layer
# contradicts and VLAN tags; b37718d is before it read quoted datagrams)
# and of the working tree, run alternately, natively and
# as WebAssembly in Node, ROUNDS times (default 3). OLD gets this tree's
# mixed_bench_test.go and filtertest, which use only the exported API, so
# both binaries filter the same frames with the same expressions.
set -eu
old=${1:-f25cb94}
rounds=${ROUNDS:-3}
benchtime=${BENCHTIME:-20000x}
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/old"
git -C "$root" archive "$old" | tar -x -C "$tmp/old"
cp -r "$root/codec/filter/filtertest" "$root/codec/filter/mixed_bench_test.go" "$tmp/old/codec/filter/"
for v in old new; do
	src="$tmp/old"
	[ "$v" = new ] && src="$root"
	(cd "$src" && go test -c -o "$tmp/$v.native" ./codec/filter &&
		GOOS=js GOARCH=wasm go test -c -o "$tmp/$v.wasm" ./codec/filter)
done
wasmexec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec"
for i in $(seq "$rounds"); do
	for v in old new; do
		echo "== $v native, round $i"
		"$tmp/$v.native" -test.run '^$' -test.bench BenchmarkFilterMixed -test.benchtime "$benchtime" | grep '^Benchmark'
		echo "== $v wasm, round $i"
		"$wasmexec" "$tmp/$v.wasm" -test.run '^$' -test.bench BenchmarkFilterMixed -test.benchtime "$benchtime" | grep '^Benchmark'
	done
done
