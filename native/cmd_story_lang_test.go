package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// `icmplab story --lang ko` words the text in Korean around the same hop
// lines; --lang en is the default's output; an unknown language is a
// usage error, as decode's is.
func TestStoryLang(t *testing.T) {
	capture := filepath.Join("story", "testdata", "ping_drops4.pcap")
	var en, en2, ko, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"story", capture}, &en, &errb), errb.String())
	require.Equal(t, 0, run([]string{"story", "--lang", "en", capture}, &en2, &errb), errb.String())
	assert.Equal(t, en.String(), en2.String())
	require.Equal(t, 0, run([]string{"story", "--lang", "ko", capture}, &ko, &errb), errb.String())
	assert.Contains(t, en.String(), "6 packets transmitted, 4 received, 33.3333% packet loss")
	assert.Contains(t, ko.String(), "--- 198.18.3.2 ping 통계 ---\n")
	assert.Contains(t, ko.String(), "패킷 6개 전송, 4개 수신, 패킷 손실 33.3333%")
	assert.Contains(t, ko.String(), "64바이트 응답, 보낸 곳 198.18.3.2: icmp_seq=1 ttl=62 time=")

	// --json stays English whatever --lang says.
	var j1, j2 bytes.Buffer
	require.Equal(t, 0, run([]string{"story", "--json", capture}, &j1, &errb), errb.String())
	require.Equal(t, 0, run([]string{"story", "--json", "--lang", "ko", capture}, &j2, &errb), errb.String())
	assert.Equal(t, j1.String(), j2.String())

	errb.Reset()
	assert.Equal(t, 2, run([]string{"story", "--lang", "fr", capture}, &ko, &errb))
	assert.Equal(t, "icmplab story: unknown language \"fr\" (en, ko); try 'icmplab story --help'\n", errb.String())
}
