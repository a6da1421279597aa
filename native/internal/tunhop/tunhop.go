//go:build linux

// Package tunhop simulates routers and a target behind a TUN device, for
// tests that need answers no Linux router sends: MPLS label stacks (RFC 4950)
// in the RFC 4884 and the legacy layout, RFC 5837 interface information,
// and errors that quote some other packet. It opens /dev/net/tun inside a
// test namespace, routes a target prefix into it, reads the probes the
// kernel routes there and writes back whatever a Responder builds with codec.
package tunhop

import (
	"errors"
	"fmt"
	"net/netip"
	"os"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"

	"icmplab/codec"
	"icmplab/native/internal/netns"
)

// Responder answers one packet read from the TUN device with zero or more
// whole IP datagrams to write back.
type Responder func(pkt []byte) [][]byte

// Tun is a TUN device inside a namespace with a responder loop.
type Tun struct {
	Name string
	f    *os.File
	wg   sync.WaitGroup
	once sync.Once
}

// ifreq is struct ifreq with the flags member (TUNSETIFF).
type ifreq struct {
	name  [unix.IFNAMSIZ]byte
	flags uint16
	_     [22]byte
}

// Open creates TUN device name in h (a layer-3 device without packet
// information headers), gives it the local addresses (CIDR strings) and
// routes the prefixes into it. Close removes it.
func Open(h *netns.Host, name string, local []string, routes []string) (*Tun, error) {
	if len(name) >= unix.IFNAMSIZ {
		return nil, fmt.Errorf("tunhop: interface name %q longer than %d bytes", name, unix.IFNAMSIZ-1)
	}
	var fd int
	err := h.Do(func() error {
		var err error
		fd, err = unix.Open("/dev/net/tun", unix.O_RDWR|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
		if err != nil {
			return fmt.Errorf("tunhop: open /dev/net/tun: %w", err)
		}
		var req ifreq
		copy(req.name[:], name)
		req.flags = unix.IFF_TUN | unix.IFF_NO_PI
		if _, _, e := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), unix.TUNSETIFF, uintptr(unsafe.Pointer(&req))); e != 0 {
			unix.Close(fd)
			return fmt.Errorf("tunhop: TUNSETIFF %s: %w", name, e)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	t := &Tun{Name: name, f: os.NewFile(uintptr(fd), "/dev/net/tun")}
	cmds := [][]string{{"ip", "link", "set", name, "up"}}
	for _, a := range local {
		c := []string{"ip", "addr", "add", a, "dev", name}
		if p, err := netip.ParsePrefix(a); err == nil && p.Addr().Is6() {
			c = append(c, "nodad")
		}
		cmds = append(cmds, c)
	}
	for _, r := range routes {
		cmds = append(cmds, []string{"ip", "route", "add", r, "dev", name})
	}
	for _, c := range cmds {
		if out, err := h.Run(c...); err != nil {
			t.Close()
			return nil, fmt.Errorf("tunhop: %v: %w: %s", c, err, out)
		}
	}
	return t, nil
}

// Serve answers every packet with respond until Close.
func (t *Tun) Serve(respond Responder) {
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		buf := make([]byte, 65536)
		for {
			n, err := t.f.Read(buf)
			if err != nil {
				if errors.Is(err, os.ErrClosed) {
					return
				}
				continue
			}
			for _, out := range respond(buf[:n]) {
				t.f.Write(out)
			}
		}
	}()
}

// Write sends one whole IP datagram out of the device, as if the simulated
// path had sent it now: for answers a responder delays (a slow target). It
// may be called from any goroutine.
func (t *Tun) Write(pkt []byte) error {
	_, err := t.f.Write(pkt)
	return err
}

// Close stops the loop and removes the device (closing the last file
// descriptor of a non-persistent TUN device deletes it).
func (t *Tun) Close() {
	t.once.Do(func() {
		t.f.Close()
		t.wg.Wait()
	})
}

// Probe is what a responder needs to know of a packet it read.
type Probe struct {
	Family   codec.Family
	Src, Dst netip.Addr
	TTL      uint8
	Proto    uint8
	Packet   []byte // the whole datagram
	Payload  []byte // the upper-layer bytes
}

// ParseProbe decodes the IP header of a packet read from the device.
func ParseProbe(pkt []byte) (Probe, error) {
	if len(pkt) == 0 {
		return Probe{}, errors.New("tunhop: empty packet")
	}
	switch pkt[0] >> 4 {
	case 4:
		h, pl, err := codec.ParseIPv4(pkt)
		if err != nil {
			return Probe{}, err
		}
		return Probe{Family: codec.IPv4, Src: h.Src, Dst: h.Dst, TTL: h.TTL, Proto: h.Protocol, Packet: pkt, Payload: pl}, nil
	case 6:
		h, pl, err := codec.ParseIPv6(pkt)
		if err != nil {
			return Probe{}, err
		}
		return Probe{Family: codec.IPv6, Src: h.Src, Dst: h.Dst, TTL: h.HopLimit, Proto: h.Upper, Packet: pkt, Payload: pl}, nil
	}
	return Probe{}, fmt.Errorf("tunhop: IP version %d", pkt[0]>>4)
}

// replyTTL is the TTL (hop limit) the simulated hop's answers leave with.
const replyTTL = 64

// Reply wraps an ICMP message built with codec in an IP header from `from`
// to the probe's source.
func Reply(p Probe, from netip.Addr, t codec.Type, c codec.Code, body codec.Body) []byte {
	msg := codec.Append(nil, codec.Header{Family: p.Family, Type: t, Code: c, Src: from, Dst: p.Src}, body)
	if p.Family == codec.IPv6 {
		return codec.IPv6Header{NextHeader: codec.ProtoICMPv6, HopLimit: replyTTL, Src: from, Dst: p.Src}.AppendDatagram(nil, msg)
	}
	return codec.IPv4Header{TTL: replyTTL, Protocol: codec.ProtoICMP, Src: from, Dst: p.Src}.AppendDatagram(nil, msg)
}

// Error builds an ICMP error about the probe from `from`: the quote is the
// probe (up to quoteLen bytes, 0 for all of it) and ext, when present,
// follows in ext.Layout (RFC 4884 or the legacy offset 128).
func Error(p Probe, from netip.Addr, t codec.Type, c codec.Code, quote []byte, ext codec.Extensions) []byte {
	return Reply(p, from, t, c, codec.ErrorBody{Quote: quote, Ext: ext})
}

// TimeExceeded is the family's time exceeded type.
func TimeExceeded(f codec.Family) codec.Type {
	if f == codec.IPv6 {
		return codec.ICMPv6TimeExceeded
	}
	return codec.ICMPv4TimeExceeded
}

// PortUnreachable is the family's destination unreachable type and port code.
func PortUnreachable(f codec.Family) (codec.Type, codec.Code) {
	if f == codec.IPv6 {
		return codec.ICMPv6DestinationUnreachable, codec.Code6PortUnreachable
	}
	return codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable
}
