package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serveLimited starts h.Server(l) on a loopback listener capped by Listen,
// counting connections the server has closed.
func serveLimited(t *testing.T, fsys fstest.MapFS, l Limits) (addr string, closed *atomic.Int32) {
	t.Helper()
	h, err := New(fsys)
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := h.Server(l)
	closed = new(atomic.Int32)
	srv.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateClosed {
			closed.Add(1)
		}
	}
	go srv.Serve(Listen(ln, l))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String(), closed
}

func get(t *testing.T, c net.Conn, path string) {
	t.Helper()
	_, err := io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: x\r\n\r\n")
	require.NoError(t, err)
}

func TestDefaultWriteTimeoutCarriesMainWasmOverASlowLink(t *testing.T) {
	h, err := New(testSite())
	require.NoError(t, err)
	raw, _, _, _ := h.Size("main.wasm")
	wt := h.WriteTimeout(DefaultLimits)
	// main.wasm at 256 kbit/s, uncompressed, fits in the write timeout.
	assert.GreaterOrEqual(t, wt, time.Duration(raw)*time.Second/(32<<10))
	srv := h.Server(DefaultLimits)
	assert.Equal(t, wt, srv.WriteTimeout)
	assert.Equal(t, DefaultLimits.Idle, srv.IdleTimeout)
	assert.Equal(t, DefaultLimits.ReadHeader, srv.ReadHeaderTimeout)
}

// A keep-alive connection that sends no second request is closed after
// the idle timeout, and its request was answered with the usual headers.
func TestIdleKeepAliveClosed(t *testing.T) {
	l := DefaultLimits
	l.Idle = 300 * time.Millisecond
	addr, closed := serveLimited(t, testSite(), l)
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer c.Close()
	get(t, c, "/index.html")
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	require.NoError(t, err)
	_, _ = io.Copy(io.Discard, resp.Body)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, CSP, resp.Header.Get("Content-Security-Policy"))
	assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))

	require.NoError(t, c.SetReadDeadline(time.Now().Add(10*time.Second)))
	start := time.Now()
	n, err := c.Read(make([]byte, 1))
	assert.Equal(t, 0, n)
	assert.ErrorIs(t, err, io.EOF, "the server closed the idle connection")
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Eventually(t, func() bool { return closed.Load() == 1 }, 5*time.Second, 10*time.Millisecond)
}

// A client that asks for a large file and never reads it is let go once
// the write timeout passes.
func TestNonReadingClientLetGo(t *testing.T) {
	fsys := testSite()
	// Larger than the socket buffers on both sides. The request asks for
	// no gzip, so the 32 MiB go out as they are.
	big := make([]byte, 32<<20)
	fsys["main.wasm"] = &fstest.MapFile{Data: append([]byte("\x00asm\x01\x00\x00\x00"), big...)}
	l := DefaultLimits
	l.SlowRate, l.WriteSlack = 64<<20, 300*time.Millisecond // a write timeout of about 0.8 s
	addr, closed := serveLimited(t, fsys, l)
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer c.Close()
	get(t, c, "/main.wasm")
	assert.Eventually(t, func() bool { return closed.Load() == 1 }, 10*time.Second, 20*time.Millisecond,
		"the server gave up on the client that does not read")
	// What the client can still read ends early: the file was not sent whole.
	require.NoError(t, c.SetReadDeadline(time.Now().Add(10*time.Second)))
	got, _ := io.Copy(io.Discard, c)
	assert.Less(t, got, int64(len(big)))
}

// Past MaxConns, a new connection waits until one closes.
func TestConnectionCap(t *testing.T) {
	l := DefaultLimits
	l.MaxConns = 2
	addr, _ := serveLimited(t, testSite(), l)
	var held []net.Conn
	for range 2 {
		c, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		get(t, c, "/index.html")
		_, err = http.ReadResponse(bufio.NewReader(c), nil)
		require.NoError(t, err)
		held = append(held, c)
	}
	third, err := net.Dial("tcp", addr) // the kernel accepts; the server does not yet
	require.NoError(t, err)
	defer third.Close()
	get(t, third, "/index.html")
	require.NoError(t, third.SetReadDeadline(time.Now().Add(300*time.Millisecond)))
	_, err = third.Read(make([]byte, 1))
	var ne net.Error
	require.ErrorAs(t, err, &ne)
	assert.True(t, ne.Timeout(), "the third connection is not served while two are open")

	held[0].Close()
	require.NoError(t, third.SetReadDeadline(time.Now().Add(10*time.Second)))
	resp, err := http.ReadResponse(bufio.NewReader(third), nil)
	require.NoError(t, err, "served once a slot is free")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	held[1].Close()
}
