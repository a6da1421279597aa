//go:build linux

package icmpsock

import (
	"fmt"
	"net/netip"
	"time"

	"golang.org/x/sys/unix"

	"icmplab/codec"
)

// oobLen holds a timestamp, a TTL or hop limit, a traffic class and an
// extended error with its offender address, with room to spare.
const oobLen = 256

// Read blocks until a message arrives (or the read deadline passes, with an
// error satisfying errors.Is(err, os.ErrDeadlineExceeded)) and returns it.
// The Packet's slices alias buf, which should hold the largest message
// expected (a datagram socket truncates longer ones). Read must not be called
// from two goroutines at once.
func (c *Conn) Read(buf []byte) (Packet, error) {
	r := &c.rd
	r.buf, r.woken, r.errq = buf, false, false
	err := c.rc.Read(c.readFn)
	n, oobn, from, rerr, errq := r.n, r.oobn, r.from, r.err, r.errq
	oob := r.oob[:]
	r.buf = nil
	if err == nil {
		err = rerr
	}
	if err != nil {
		return Packet{}, opError(opRead, err)
	}
	cm := ParseControl(oob[:oobn])
	p := Packet{TTL: cm.TTL, TOS: cm.TOS, From: from, At: cm.At, KernelTime: !cm.At.IsZero()}
	if p.At.IsZero() {
		p.At = time.Now()
	}
	if errq {
		return c.fromErrQueue(buf, n, p, cm, from)
	}
	if c.kind == Raw && c.family == codec.IPv4 {
		pkt, derr := codec.DecodeIP(buf[:n])
		if len(pkt.Payload) == 0 || pkt.Family != codec.IPv4 {
			return Packet{}, fmt.Errorf("%w: %d bytes from %v: %v", ErrNotICMP, n, p.From, derr)
		}
		p.IP = buf[:n]
		p.ICMP = pkt.Payload
		p.TTL = int(pkt.V4.TTL)
		p.TOS = int(pkt.V4.TOS)
		return p, nil
	}
	p.ICMP = buf[:n]
	return p, nil
}

// fromErrQueue rebuilds the ICMP error the kernel digested into an extended
// error: outer type, code and MTU from sock_extended_err, the quote from the
// echo bytes the kernel returned behind a reconstructed IP header. The
// message is written over buf (the echo bytes are copied out first).
func (c *Conn) fromErrQueue(buf []byte, n int, p Packet, cm Control, origDst netip.Addr) (Packet, error) {
	ee := &cm.ExtErr
	if !cm.HasExtErr {
		return Packet{}, fmt.Errorf("%w: error queue message without an extended error", ErrNotICMP)
	}
	if ee.Origin == unix.SO_EE_ORIGIN_LOCAL {
		errno := unix.Errno(ee.Errno)
		return Packet{}, &LocalError{Err: errno, MessageTooLong: errno == unix.EMSGSIZE, MTU: ee.Info, OrigDst: origDst}
	}
	if ee.Origin != unix.SO_EE_ORIGIN_ICMP && ee.Origin != unix.SO_EE_ORIGIN_ICMP6 {
		return Packet{}, fmt.Errorf("%w: extended error of origin %d", ErrNotICMP, ee.Origin)
	}
	if c.kind == Raw {
		// A raw socket read the ICMP error itself, whole: this digest of
		// it is a second copy.
		return Packet{}, fmt.Errorf("%w: error-queue copy of an ICMP error a raw socket reads whole", ErrNotICMP)
	}
	echo := append([]byte(nil), buf[:n]...)
	local := c.local
	if !local.IsValid() {
		if c.errSrcFor != origDst || !c.errSrc.IsValid() {
			c.errSrcFor = origDst
			c.errSrc, _ = RouteSource(origDst, c.device)
		}
		local = c.errSrc
	}
	var quote []byte
	if c.family == codec.IPv4 {
		quote = codec.IPv4Header{Protocol: codec.ProtoICMP, Src: local, Dst: origDst}.AppendDatagram(nil, echo)
	} else {
		quote = codec.IPv6Header{NextHeader: codec.ProtoICMPv6, Src: local, Dst: origDst}.AppendDatagram(nil, echo)
	}
	h := codec.Header{Family: c.family, Type: codec.Type(ee.Type), Code: codec.Code(ee.Code)}
	if c.family == codec.IPv6 {
		h.Src, h.Dst = cm.Offender, local
	}
	// For ICMP sockets the kernel's ee_info is the 32-bit word after the
	// ICMP header, in host order (ping_err: ntohl(icmph->un.gateway); for
	// ICMPv6, ntohl(icmp6_mtu)). Hand codec every reading of it: Append keeps
	// the one the message type defines (next-hop MTU, pointer, gateway).
	body := codec.ErrorBody{MTU: ee.Info, Pointer: ee.Info, Quote: quote}
	if c.family == codec.IPv4 {
		body.Pointer = ee.Info >> 24
		body.Gateway = netip.AddrFrom4([4]byte{byte(ee.Info >> 24), byte(ee.Info >> 16), byte(ee.Info >> 8), byte(ee.Info)})
	}
	msg := codec.Append(buf[:0], h, body)
	p.ICMP = msg // in buf when it fits, else in a new array: valid either way
	p.From = cm.Offender
	p.Synthesized = true
	p.OrigDst = origDst
	return p, nil
}

// readState is Read's working state. It lives in the Conn, and readFn is
// bound once, so that a read allocates nothing (a closure capturing the
// buffers would escape to the heap on every call). Read is not called
// concurrently, and the poller's read lock guards it besides.
type readState struct {
	buf         []byte
	oob         [oobLen]byte
	n, oobn     int
	from        netip.Addr
	err         error
	errq, woken bool
}

// readOnce is the RawConn.Read callback: one attempt, false to wait.
func (c *Conn) readOnce(fd uintptr) bool {
	r := &c.rd
	var hint bool
	if r.woken || c.kind != Datagram {
		r.n, r.oobn, r.from, r.err = recvmsg(int(fd), r.buf, r.oob[:], unix.MSG_DONTWAIT)
	} else {
		// Before the first wait, under the lock WriteTo sends under: a
		// send that swallowed the socket error (pendingError) left a hint
		// instead, and the two cannot interleave.
		c.errMu.Lock()
		r.n, r.oobn, r.from, r.err = recvmsg(int(fd), r.buf, r.oob[:], unix.MSG_DONTWAIT)
		if r.err == unix.EAGAIN {
			hint, c.errHint = c.errHint, false
		}
		c.errMu.Unlock()
	}
	if r.err == nil || r.err == unix.EINTR {
		return true
	}
	// Nothing queued, or the pending socket error an ICMP error (or a
	// local refusal) sets next to its error-queue entry: read the entry.
	// A plain "nothing yet" before the first wait skips the error queue:
	// an entry queued from now on readies the socket, so the wait returns
	// at once and the queue is read then. One queued earlier has left its
	// socket error for this read to see, or, when a send took that error,
	// the hint.
	if r.err == unix.EAGAIN && !r.woken && !hint {
		r.woken = true
		return false
	}
	r.n, r.oobn, r.from, r.err = recvmsg(int(fd), r.buf, r.oob[:], unix.MSG_ERRQUEUE|unix.MSG_DONTWAIT)
	if r.err != unix.EAGAIN {
		r.errq = true
		return true
	}
	r.woken = true
	return false
}
