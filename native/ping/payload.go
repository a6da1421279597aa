package ping

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
)

// CookieLen is the size of the random cookie at the start of every payload.
const CookieLen = 8

// newCookie draws the pinger's cookie and, for raw sockets, its identifier.
// echoIdentity is what a prober on conn sends as itself: the echo
// identifier (the kernel's for a datagram socket, a random one for a raw
// socket) and a random payload cookie. A raw socket's kernel filters are
// set to pass only replies with that identifier (and errors); datagram
// sockets need none.
func echoIdentity(conn Conn) (id uint16, cookie [CookieLen]byte, err error) {
	cookie, id = newCookie()
	if kid, ok := conn.EchoID(); ok {
		id = kid
	}
	if f, ok := conn.(interface{ FilterReplies(uint16) error }); ok {
		err = f.FilterReplies(id)
	}
	return id, cookie, err
}

func newCookie() (c [CookieLen]byte, id uint16) {
	var b [CookieLen + 2]byte
	rand.Read(b[:]) // never fails (crypto/rand, Go 1.24+)
	copy(c[:], b[:CookieLen])
	return c, binary.BigEndian.Uint16(b[CookieLen:])
}

// buildPayload lays out size bytes: the cookie (cut short when size < 8),
// then the pattern repeated from offset 0 as iputils -p does, or by default
// byte i = i, iputils' filler.
func buildPayload(size int, cookie [CookieLen]byte, pattern []byte) []byte {
	p := make([]byte, size)
	for i := range p {
		if len(pattern) > 0 {
			p[i] = pattern[i%len(pattern)]
		} else {
			p[i] = byte(i)
		}
	}
	copy(p, cookie[:])
	return p
}

// replyCookieOK reports whether a reply's payload starts with our cookie
// (as much of it as the payload we send holds): a reply too short to carry
// it is not ours.
func replyCookieOK(data []byte, cookie [CookieLen]byte, size int) bool {
	n := min(CookieLen, size)
	return len(data) >= n && bytes.Equal(data[:n], cookie[:n])
}

// quoteCookieOK checks the cookie in the part of our payload an ICMP error
// quoted. Routers may quote as little as 8 bytes of ICMP (RFC 792), leaving
// no payload at all; what is quoted must match.
func quoteCookieOK(data []byte, cookie [CookieLen]byte, size int) bool {
	n := min(CookieLen, size, len(data))
	return bytes.Equal(data[:n], cookie[:n])
}
