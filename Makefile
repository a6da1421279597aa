# icmplab: one ICMP codec, compiled to a native prober and to WebAssembly.
GO        ?= go
GOROOT    := $(shell $(GO) env GOROOT)
WASM_EXEC := $(GOROOT)/lib/wasm
VERSION   ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
STATIC    := site/static
FUZZTIME  ?= 10s

.PHONY: all build wasm test test-native test-wasm bench fuzz run vet clean

all: build

# The site's WebAssembly module, the toolchain's own wasm_exec.js and the
# page's modules bundled into one script (site/bundle), each file's brotli
# form beside it (native/serve/precompress), then the native binary that
# embeds them.
wasm:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags "-s -X main.version=$(VERSION)" -o $(STATIC)/main.wasm ./wasm
	cp $(WASM_EXEC)/wasm_exec.js $(STATIC)/wasm_exec.js
	$(GO) run ./site/bundle $(STATIC)
	$(GO) run ./native/serve/precompress $(STATIC)

build: wasm
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-X main.version=$(VERSION)" -o bin/icmplab ./native

# go vet and staticcheck (a Go tool dependency in go.mod), native and
# js/wasm. staticcheck runs as a host binary over the wasm build.
vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./codec/... ./wasm/...
	$(GO) tool staticcheck ./...
	GOOS=js GOARCH=wasm $$($(GO) tool -n staticcheck) ./codec/... ./wasm/...

# The whole suite: native tests (network namespaces and Chromium when root),
# then the codec and the wasm glue under Node.
test: build vet test-native test-wasm

test-native:
	$(GO) test -count=1 -timeout 30m ./...

test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec $(WASM_EXEC)/go_js_wasm_exec ./codec/... ./wasm/...

bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./codec/...

# A short fuzz of every target, the codec's and the native side's (raw
# answers, ping replies, control messages): go test -fuzz takes one target
# per run. A failing run that wrote no failing input is Go's own -fuzztime
# deadline race (go.dev/issue/75804, fixed in Go 1.27): said, not counted.
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  dir=$$($(GO) list -f '{{.Dir}}' $$pkg); \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; before=$$(ls $$dir/testdata/fuzz/$$t 2>/dev/null | wc -l); \
	    if ! $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg; then \
	      after=$$(ls $$dir/testdata/fuzz/$$t 2>/dev/null | wc -l); \
	      if [ "$$after" -gt "$$before" ]; then echo "$$t: failing input in $$dir/testdata/fuzz/$$t"; exit 1; fi; \
	      echo "$$t: no failing input written: Go's -fuzztime deadline race (go.dev/issue/75804), not a fault"; \
	    fi; \
	  done; \
	done

run: build
	./bin/icmplab serve --addr 127.0.0.1:8080

clean:
	rm -rf bin $(STATIC)/main.wasm $(STATIC)/wasm_exec.js $(STATIC)/*.br
