package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// `icmplab decode --lang ko` writes the text and tree formats in Korean
// with the same numbers, and keeps jsonl English; an unknown language is a
// usage error.
func TestDecodeLangKorean(t *testing.T) {
	run := func(args ...string) (string, int) {
		var out, errb bytes.Buffer
		code := runDecode(append([]string{"--hex", filterHex}, args...), &out, &errb)
		return out.String(), code
	}
	en, code := run("--format", "text")
	require.Equal(t, decodeOK, code)
	ko, code := run("--format", "text", "--lang", "ko")
	require.Equal(t, decodeOK, code)
	assert.Contains(t, en, "ICMP 60 Echo id=0x1234")
	assert.Contains(t, ko, "에코 요청")
	assert.Contains(t, ko, "[인용: 198.18.0.1 → 198.18.0.2 UDP 40000 → 33435]")
	assert.Equal(t, strings.Count(en, "\n"), strings.Count(ko, "\n"))

	tree, code := run("--format", "tree", "--lang", "ko")
	require.Equal(t, decodeOK, code)
	assert.Contains(t, tree, "생존 시간 TTL (Time to Live): 64  [바이트 8]")
	assert.Contains(t, tree, "체크섬 (Checksum): 0x9f6e [정상]")
	assert.Contains(t, tree, "쉬운 말로: 보낸 UDP 프로브 (목적지 198.18.0.2 포트 33435)가 10.1.1.1에서 만료됨")
	assert.Contains(t, tree, "[ipv4(으)로 읽음: 첫 바이트 0x45, IPv4 헤더 체크섬(Header Checksum)이 맞음]")

	jsonEN, _ := run("--format", "jsonl")
	jsonKO, _ := run("--format", "jsonl", "--lang", "ko")
	assert.Equal(t, jsonEN, jsonKO, "jsonl is for programs: the same in every language")

	var out, errb bytes.Buffer
	assert.Equal(t, decodeUsage, runDecode([]string{"--hex", filterHex, "--lang", "fr"}, &out, &errb))
	assert.Contains(t, errb.String(), `unknown language "fr" (en, ko)`)
}
